package io.statedesk.web.api;

import java.util.List;

/**
 * The body of {@code POST /api/selections}: a {@code name}, and either a {@code filter} (a dynamic
 * selection, re-evaluated when used) or {@code agents} (a fixed one); {@code team} shares it with
 * one of the caller's teams. The name's rules (length, unique per user) and the team's are core's
 * ({@code Selections}).
 *
 * @param name the selection's name
 * @param team the team to share it with, or left out (private)
 * @param agents agent ids: a fixed selection
 * @param filter a filter: a dynamic selection
 */
public record SelectionBody(
    String name,
    String team,
    @WrongType(
            value = "must be an array of agent ids",
            element = "must hold integer agent ids, found %s")
        List<Long> agents,
    FilterBody filter) {

  /** Whether it gives exactly one of {@code filter} and {@code agents}. */
  boolean givesOne() {
    return (agents == null) != (filter == null);
  }

  /** The agents' ids, one beyond {@code int} as -1 (an id no agent has: core refuses it). */
  List<Integer> agentIds() {
    return agents.stream().map(ChangeBody::agentId).toList();
  }
}
