package io.statedesk.core.directory;

import dev.failsafe.Failsafe;
import dev.failsafe.FailsafeExecutor;
import dev.failsafe.RetryPolicy;
import dev.failsafe.function.CheckedSupplier;
import io.statedesk.core.gateway.AgentId;
import io.statedesk.core.gateway.GatewayAuth;
import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.gateway.GatewayException;
import io.statedesk.core.gateway.GatewayRecords.GatewayAgent;
import io.statedesk.core.gateway.GatewayRecords.GatewayGroup;
import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import io.statedesk.core.gateway.GatewayRecords.SignInRequest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the whole directory from the gateway through a directory account: sign in (platform only),
 * list the VDN's groups, list each group's agents, sign out. Reads everything first and returns it
 * whole, or throws: a failure half-way never yields a partial directory.
 *
 * <p>Each read is tried up to four times when it fails transiently (a timeout, HTTP 5xx or 429, a
 * retryable retcode such as 100-007), with a short jittered backoff (Failsafe, as the bulk engine's
 * calls). Why: the reads are idempotent, and a directory with skills makes one call per agent, so
 * one transient answer among thousands failed the whole sync until its next period (seen in a test
 * run: one HTTP 500 from the gateway's container). A refusal (wrong password, 100-002, a stale
 * Guid) is not retried.
 */
public final class GatewayDirectoryReader {

  /** One executor for every read (policies and executors are immutable and thread-safe). */
  private static final FailsafeExecutor<Object> READS =
      Failsafe.with(
          RetryPolicy.builder()
              .handleIf(GatewayException::isTransient)
              .withBackoff(Duration.ofMillis(100), Duration.ofSeconds(2))
              .withJitter(0.25)
              .withMaxAttempts(4)
              .build());

  private final GatewayClient client;
  private final boolean readSkills;
  private final String phone;

  public GatewayDirectoryReader(GatewayClient client) {
    this(client, false, null);
  }

  /**
   * @param readSkills also ask each agent's skills ({@code agentskillsbyworkno}): one more call per
   *     agent, so meant for directories of a few thousand agents
   * @param phone the account's {@code phonenum}, or {@code null}
   */
  public GatewayDirectoryReader(GatewayClient client, boolean readSkills, String phone) {
    this.client = client;
    this.readSkills = readSkills;
    this.phone = phone;
  }

  /**
   * All agents of all groups.
   *
   * @param account the directory account's agent id
   * @param password its password (never logged)
   * @throws GatewayException if any call fails (100-002 when the account is signed in elsewhere,
   *     e.g. by another console's sync); nothing is returned then
   */
  public List<DirectoryEntry> read(int account, String password) {
    // busy (3), no auto-answer: the account takes no calls. Never forced: on 100-002 another
    // console's sync (or a person) holds the account, and taking it over would end their read
    // half-way; the sync is simply tried again later.
    SignInRequest request = new SignInRequest(password, phone, 3, false);
    GatewayAuth auth = client.signIn(account, request, SignInMode.LOGINEX).auth();
    try {
      List<DirectoryEntry> entries = new ArrayList<>();
      for (GatewayGroup group : retried(() -> client.groups(auth))) {
        for (GatewayAgent agent : retried(() -> client.agentsOfGroup(auth, group.id()))) {
          if (AgentId.isValid(agent.workNo()) && agent.workNo() != account) {
            List<String> skills =
                readSkills
                    ? retried(() -> client.skillsOf(auth, new AgentId(agent.workNo()))).stream()
                        .map(k -> k.name())
                        .toList()
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

  /** One read, retried while it fails transiently (see the class Javadoc). */
  private static <T> T retried(CheckedSupplier<T> read) {
    return READS.get(read);
  }
}
