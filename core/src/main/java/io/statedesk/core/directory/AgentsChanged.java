package io.statedesk.core.directory;

import java.util.Set;

/**
 * The directory learnt something about these agents that the picker shows: a gateway state (from
 * the events of hosted sessions), a session availability, or a custom state (set by a change, read
 * back, re-applied or found drifted). Fired inside the transaction that writes the rows.
 *
 * <p>Why it exists: open pages must show what the console learns within a couple of seconds,
 * without each polling the database. Core has no UI, so it only says which agents changed; the web
 * module observes this after the commit, works out who may see them ({@link AgentAudience}) and
 * tells those pages to re-read through their normal, scoped queries. It carries no state, so an
 * observer can never leak one.
 *
 * @param agentIds the agents whose rows were written
 */
public record AgentsChanged(Set<Integer> agentIds) {

  public AgentsChanged {
    agentIds = Set.copyOf(agentIds);
  }
}
