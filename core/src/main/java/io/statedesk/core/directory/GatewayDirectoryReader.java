package io.statedesk.core.directory;

import io.statedesk.core.gateway.GatewayAuth;
import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.gateway.GatewayException;
import io.statedesk.core.gateway.GatewayRecords.GatewayAgent;
import io.statedesk.core.gateway.GatewayRecords.GatewayGroup;
import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import io.statedesk.core.gateway.GatewayRecords.SignInRequest;
import io.statedesk.core.gateway.GatewayRejectedException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the whole directory from the gateway through a directory account: sign in (platform only),
 * list the VDN's groups, list each group's agents, sign out. Reads everything first and returns it
 * whole, or throws: a failure half-way never yields a partial directory.
 */
public final class GatewayDirectoryReader {

  private final GatewayClient client;
  private final boolean readSkills;

  public GatewayDirectoryReader(GatewayClient client) {
    this(client, false);
  }

  /**
   * @param readSkills also ask each agent's skills ({@code agentskillsbyworkno}): one more call per
   *     agent, so meant for directories of a few thousand agents
   */
  public GatewayDirectoryReader(GatewayClient client, boolean readSkills) {
    this.client = client;
    this.readSkills = readSkills;
  }

  /**
   * All agents of all groups.
   *
   * @param account the directory account's agent id
   * @param password its password (never logged)
   * @throws GatewayException if any call fails; nothing is returned then
   */
  public List<DirectoryEntry> read(int account, String password) {
    SignInRequest request = new SignInRequest(password, null, 4);
    GatewayAuth auth;
    try {
      auth = client.signIn(account, request, SignInMode.LOGINEX).auth();
    } catch (GatewayRejectedException e) {
      if (!"100-002".equals(e.retcode().code())) {
        throw e;
      }
      // Our own earlier sync may still hold the account's session: take it over.
      auth = client.signIn(account, request, SignInMode.FORCE).auth();
    }
    try {
      List<DirectoryEntry> entries = new ArrayList<>();
      for (GatewayGroup group : client.groups(auth)) {
        for (GatewayAgent agent : client.agentsOfGroup(auth, group.id())) {
          if (agent.workNo() >= 101 && agent.workNo() <= 999_999 && agent.workNo() != account) {
            List<String> skills =
                readSkills
                    ? client.skillsOf(auth, agent.workNo()).stream().map(k -> k.name()).toList()
                    : List.of();
            entries.add(
                new DirectoryEntry(
                    agent.workNo(),
                    agent.name() == null ? "" + agent.workNo() : agent.name(),
                    group.name(),
                    skills,
                    agent.state(),
                    agent.phoneNumber()));
          }
        }
      }
      return entries;
    } finally {
      try {
        client.signOut(auth, true);
      } catch (GatewayException ignored) {
        // the gateway signs an idle account out by itself
      }
    }
  }
}
