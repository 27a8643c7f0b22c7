package io.statedesk.core.directory;

import io.statedesk.core.gateway.CustomState;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.session.Availability;
import java.util.Set;

/**
 * What a supervisor filters the directory by; every part is optional.
 *
 * @param teams only these teams (within the caller's scope)
 * @param skill agents having this skill
 * @param states only these gateway states
 * @param customState only agents in this custom state; {@link #NO_CUSTOM_STATE} for none set
 * @param text free text on agent id or name
 * @param sessions only agents whose session availability is one of these
 * @param skills agents having at least one of these skills (the picker's skill menu; like the other
 *     menus, choices within it widen, the menus together narrow)
 */
public record AgentFilter(
    Set<String> teams,
    String skill,
    Set<GatewayState> states,
    Integer customState,
    String text,
    Set<Availability> sessions,
    Set<String> skills) {

  /**
   * The {@code customState} value that means "no custom state set": the gateway's own marker, so
   * that the agents page's menu and the directory's counts use one number for it.
   */
  public static final int NO_CUSTOM_STATE = CustomState.NOT_SET;

  public AgentFilter {
    teams = teams == null ? Set.of() : Set.copyOf(teams);
    states = states == null ? Set.of() : Set.copyOf(states);
    sessions = sessions == null ? Set.of() : Set.copyOf(sessions);
    skills = skills == null ? Set.of() : Set.copyOf(skills);
  }

  /** A filter without the skill menu. */
  public AgentFilter(
      Set<String> teams,
      String skill,
      Set<GatewayState> states,
      Integer customState,
      String text,
      Set<Availability> sessions) {
    this(teams, skill, states, customState, text, sessions, Set.of());
  }

  /** This filter with any gateway state: the gateway-state chart shows them all, side by side. */
  public AgentFilter anyGatewayState() {
    return new AgentFilter(teams, skill, Set.of(), customState, text, sessions, skills);
  }

  /** This filter with any custom state: the custom-state chart shows them all, side by side. */
  public AgentFilter anyCustomState() {
    return new AgentFilter(teams, skill, states, null, text, sessions, skills);
  }

  /** A filter without session availability. */
  public AgentFilter(
      Set<String> teams, String skill, Set<GatewayState> states, Integer customState, String text) {
    this(teams, skill, states, customState, text, Set.of(), Set.of());
  }

  public static AgentFilter none() {
    return new AgentFilter(Set.of(), null, Set.of(), null, null, Set.of(), Set.of());
  }
}
