package io.statedesk.core.directory;

import io.statedesk.core.gateway.GatewayState;
import java.util.List;

/**
 * One agent as a source (gateway sync or import) describes it.
 *
 * @param agentId work number, 101..999999
 * @param name display name
 * @param team the agent's group name, or {@code null}
 * @param skills skill names
 * @param gatewayState the CC-Gateway state
 * @param phone the phone number, or {@code null}
 */
public record DirectoryEntry(
    int agentId,
    String name,
    String team,
    List<String> skills,
    GatewayState gatewayState,
    String phone) {

  public DirectoryEntry {
    skills = skills == null ? List.of() : List.copyOf(skills);
  }
}
