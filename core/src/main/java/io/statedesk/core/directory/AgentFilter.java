package io.statedesk.core.directory;

import io.statedesk.core.gateway.GatewayState;
import java.util.Set;

/**
 * What a supervisor filters the directory by; every part is optional.
 *
 * @param teams only these teams (within the caller's scope)
 * @param skill agents having this skill
 * @param states only these gateway states
 * @param customState only agents in this custom state; {@link #NO_CUSTOM_STATE} for none set
 * @param text free text on agent id or name
 */
public record AgentFilter(
    Set<String> teams, String skill, Set<GatewayState> states, Integer customState, String text) {

  /** The {@code customState} value that means "no custom state set". */
  public static final int NO_CUSTOM_STATE = 65535;

  public AgentFilter {
    teams = teams == null ? Set.of() : Set.copyOf(teams);
    states = states == null ? Set.of() : Set.copyOf(states);
  }

  public static AgentFilter none() {
    return new AgentFilter(Set.of(), null, Set.of(), null, null);
  }
}
