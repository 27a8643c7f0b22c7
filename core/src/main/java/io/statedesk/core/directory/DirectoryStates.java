package io.statedesk.core.directory;

import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.persistence.InLists;
import io.statedesk.core.session.Availability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records agents' states in the directory as they become known between syncs: gateway states and
 * session availabilities from hosted sessions ({@link DirectoryStateFeed}), custom states a change
 * set ({@link DirectoryWrites}) or a read-back found ({@link CustomStateReadBack}, the reconciler).
 * Each write fires {@link AgentsChanged} so that live pages refresh. A write of several agents
 * updates them in ascending agent id order ({@link DirectoryRowLocks}).
 *
 * <p>Every write names its columns (a JPQL update), never a whole loaded row. Why: Hibernate
 * (WildFly) writes every column of a changed entity, so a session flush that had loaded an agent
 * wrote back the custom state it had read, over the one a change recorded meanwhile, and the
 * planner then skipped the agent as "already in that state". EclipseLink writes only changed
 * columns; the statements here behave the same on both.
 */
@ApplicationScoped
public class DirectoryStates {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject Event<AgentsChanged> agentsChanged;

  /** Records gateway states reported by events (agents not in the directory are ignored). */
  @Transactional
  public void applyStates(Map<Integer, GatewayState> states) {
    setEach("gatewayState", states);
  }

  /** Records session availabilities by agent ({@code NONE} as a null column). */
  @Transactional
  public void applyAvailability(Map<Integer, Availability> availability) {
    Map<Integer, Availability> stored = new HashMap<>();
    availability.forEach((id, a) -> stored.put(id, a == Availability.NONE ? null : a));
    setEach("sessionAvailability", stored);
    signedInWhereLive(availability);
  }

  /**
   * An agent whose session is live here (hosted or relayed) is signed in at the gateway: where the
   * directory still says "signed out", it says "signed in" until the next event or sync gives the
   * precise state. Why: after a console restart the sign-out was recorded and the new sign-in
   * brought no state event, so the picker showed agents signed out and hosted at once until the
   * next directory sync (17 of alice's 150 on the demo, 2026-12-05).
   */
  private void signedInWhereLive(Map<Integer, Availability> availability) {
    List<Integer> live =
        availability.entrySet().stream()
            .filter(e -> e.getValue() != null && e.getValue().isLive())
            .map(Map.Entry::getKey)
            .toList();
    // one statement per thousand agents (InLists), not one per agent: setEach has just locked
    // these rows in ascending order in this transaction, so the order this statement takes them in
    // is moot
    for (List<Integer> ids : InLists.of(live)) {
      em.createQuery(
              "update DirectoryAgent a set a.gatewayState = :in"
                  + " where a.agentId in :ids and a.gatewayState = :out")
          .setParameter("in", GatewayState.SIGNED_IN)
          .setParameter("out", GatewayState.SIGNED_OUT)
          .setParameter("ids", ids)
          .executeUpdate();
    }
  }

  /**
   * Sets one column of each agent to its value, a statement per agent, in ascending agent id order
   * ({@link DirectoryRowLocks}).
   */
  private void setEach(String column, Map<Integer, ?> values) {
    String jpql = "update DirectoryAgent a set a." + column + " = :v where a.agentId = :id";
    for (Map.Entry<Integer, ?> e : DirectoryRowLocks.ascending(values).entrySet()) {
      em.createQuery(jpql)
          .setParameter("v", e.getValue())
          .setParameter("id", e.getKey())
          .executeUpdate();
    }
    agentsChanged.fire(new AgentsChanged(values.keySet()));
  }

  /**
   * Records custom states read back from the gateway, each verified at the time it was asked for,
   * except where the directory learnt the agent's state later than that (a change set it while the
   * read-back ran). Why: the read-back of a whole directory takes seconds and writes at its end; it
   * wrote a code a change had replaced meanwhile, as "read back in the current session", and the
   * next change skipped the agent as already in that state (seen in ScheduleApiIT).
   *
   * @return how many were recorded
   */
  @Transactional
  public int applyCustomStates(Map<Integer, ReadState> states) {
    int written = 0;
    for (Map.Entry<Integer, ReadState> e : DirectoryRowLocks.ascending(states).entrySet()) {
      ReadState read = e.getValue();
      written +=
          state(
                  em.createQuery(
                      "update DirectoryAgent a set "
                          + set("customState", "c", read.state())
                          + ", a.customStateAt = :at, a.customStateVerifiedAt = :at"
                          + " where a.agentId = :id"
                          + " and (a.customStateAt is null or a.customStateAt < :at)"),
                  "c",
                  read.state())
              .setParameter("at", read.askedAt())
              .setParameter("id", e.getKey())
              .executeUpdate();
    }
    agentsChanged.fire(new AgentsChanged(states.keySet()));
    return written;
  }

  /**
   * Records custom states the gateway accepted (value null = cleared); those in {@code verified}
   * were also read back. An accepted call alone does not verify: only a read-back does.
   */
  @Transactional
  public void applySetStates(Map<Integer, Integer> states, Set<Integer> verified) {
    Instant now = Instant.now();
    DirectoryRowLocks.lockAscending(em, states.keySet()); // the updates below then wait for none
    Map<SetState, List<Integer>> groups = new LinkedHashMap<>();
    states.forEach(
        (id, state) ->
            groups
                .computeIfAbsent(new SetState(state, verified.contains(id)), g -> new ArrayList<>())
                .add(id));
    // one statement per state and thousand agents, not one per agent (issue 20: a change's agents
    // mostly share one target, so this is one or two statements per batch of results)
    groups.forEach(
        (group, ids) -> {
          for (List<Integer> chunk : InLists.of(ids)) {
            state(
                    em.createQuery(
                        "update DirectoryAgent a set "
                            + set("customState", "c", group.state())
                            + ", a.customStateAt = :at"
                            + (group.verified() ? ", a.customStateVerifiedAt = :at" : "")
                            + " where a.agentId in :ids"),
                    "c",
                    group.state())
                .setParameter("at", now)
                .setParameter("ids", chunk)
                .executeUpdate();
          }
        });
    agentsChanged.fire(new AgentsChanged(states.keySet()));
  }

  /** Agents a change set to one state, read back or not: written by one statement. */
  private record SetState(Integer state, boolean verified) {}

  /**
   * Records one read-back of an agent's state and whether it drifted from the desired one.
   *
   * @param drifted the state differs from the desired one and no new session explains it
   */
  @Transactional
  public void recordReadBack(int agentId, Integer state, boolean drifted) {
    Instant now = Instant.now();
    Query update =
        em.createQuery(
            "update DirectoryAgent a set "
                + set("customState", "c", state)
                + ", a.customStateAt = :at, a.customStateVerifiedAt = :at, "
                + set("driftState", "d", drifted ? state : null)
                + ", "
                + set("driftAt", "at", drifted ? now : null)
                + " where a.agentId = :id");
    state(update, "c", state);
    state(update, "d", drifted ? state : null);
    update.setParameter("at", now).setParameter("id", agentId).executeUpdate();
    agentsChanged.fire(new AgentsChanged(Set.of(agentId)));
  }

  /** Records an agent's custom state (after a successful set, or a read-back). */
  @Transactional
  public void recordCustomState(int agentId, Integer state) {
    state(
            em.createQuery(
                "update DirectoryAgent a set "
                    + set("customState", "c", state)
                    + ", a.customStateAt = :at where a.agentId = :id"),
            "c",
            state)
        .setParameter("at", Instant.now())
        .setParameter("id", agentId)
        .executeUpdate();
    agentsChanged.fire(new AgentsChanged(Set.of(agentId)));
  }

  /**
   * {@code a.field = :name}, or {@code a.field = null} when {@code value} is null. Why never a
   * bound null: EclipseLink binds it as a string, and PostgreSQL refuses a string for a timestamp
   * column ("drift_at is of type timestamp with time zone but expression is of type character
   * varying": every desired-state read-back that found no drift failed so on PostgreSQL).
   */
  static String set(String field, String name, Object value) {
    return "a." + field + (value == null ? " = null" : " = :" + name);
  }

  /** Binds {@code value} to {@code name} where {@link #set} used the parameter. */
  static Query state(Query query, String name, Object value) {
    return value == null ? query : query.setParameter(name, value);
  }
}
