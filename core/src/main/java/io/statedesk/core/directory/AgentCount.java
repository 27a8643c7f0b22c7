package io.statedesk.core.directory;

import io.statedesk.core.session.Availability;

/**
 * How many agents of one team are in one custom state with one session availability: a row of the
 * directory grouped by all three, so the overview counts the floor in one query.
 *
 * @param team the team, or {@code null} for agents without one
 * @param customState the custom state, {@link AgentFilter#NO_CUSTOM_STATE} when none is set
 * @param session the session availability as the directory keeps it ({@code HOSTED}, {@code
 *     RELAYED}, {@code STALE}, {@code TAKEN_OVER}); {@code null} for none
 * @param agents how many
 */
public record AgentCount(String team, int customState, Availability session, long agents) {}
