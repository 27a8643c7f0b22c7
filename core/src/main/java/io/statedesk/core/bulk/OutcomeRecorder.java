package io.statedesk.core.bulk;

import io.statedesk.core.directory.DirectoryWrites;
import io.statedesk.core.gateway.AgentId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What happened to the outcomes: the engine's results written onto the outcomes it still owns, the
 * pending ones ended without a call (cancelled, interrupted), and what the desired-state
 * reconciliation finds later (drifted, re-applied). Every method is one transaction that locks the
 * rows it writes and adds exactly what it wrote to the change's counters ({@link ChangeCounters},
 * {@link OutcomeRows}); see {@link BulkStore} for the other parts of the bulk persistence.
 *
 * <p>Every statement here that locks several outcome rows, and may wait for them, locks them in
 * ascending id order first ({@link OutcomeRows} says why: PostgreSQL deadlocked without it): {@link
 * #record} sorts its results' ids before it locks them chunk by chunk, and {@link #endPending}
 * locks the pending rows by id ({@link OutcomeRows#lockPending}) and then updates those rows only,
 * by id: matched by their status, the update would take them in the table's order, and with them
 * any row made pending after the lock. {@link #reapplied} and {@link #drifted} lock one row.
 */
@ApplicationScoped
@Transactional
public class OutcomeRecorder {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject Event<ChangeProgressed> progressed;
  @Inject ChangeCounters counters;
  @Inject OutcomeRows rows;

  /**
   * Records final results in one transaction, however many: the outcomes the results may be written
   * onto are locked ({@value OutcomeRows#CHUNK} a statement), written ({@value
   * OutcomeRows#WRITE_CHUNK} a statement, {@link OutcomeRows}), and counted. A result is written
   * only while the outcome is in flight and owned by {@code owner}: an outcome another console took
   * over, or one final already, is left alone, so no outcome is written by two consoles. (It was
   * one statement per result: the engine's writes grew with the agents, issue 20.)
   *
   * @return the states the written results set, for the directory ({@link DirectoryWrites}, after
   *     this commits: a directory row that cannot be written must not undo the outcomes)
   */
  @Transactional
  public SetStates record(List<AgentResult> results, String owner) {
    Instant now = Instant.now();
    Map<Long, AgentResult> byOutcome = new LinkedHashMap<>();
    results.forEach(r -> byOutcome.putIfAbsent(r.outcomeId(), r)); // the first result counts
    List<Long> ids = new ArrayList<>(byOutcome.keySet());
    Collections.sort(ids); // every chunk locked after the one before: all in id order
    Map<AgentId, StateTarget> states = new HashMap<>();
    Set<AgentId> verified = new HashSet<>();
    Map<Long, Tally> moved = new TreeMap<>();
    for (int from = 0; from < ids.size(); from += OutcomeRows.CHUNK) {
      List<OutcomeRows.Locked> owned =
          rows.lockOwnedInFlight(
              ids.subList(from, Math.min(ids.size(), from + OutcomeRows.CHUNK)), owner);
      if (owned.isEmpty()) {
        continue;
      }
      int written = rows.finish(owned, byOutcome, owner, now);
      if (written != owned.size()) { // cannot happen: this transaction holds the rows' locks
        throw new IllegalStateException(
            written + " of " + owned.size() + " locked outcomes written; none recorded");
      }
      for (OutcomeRows.Locked row : owned) {
        AgentResult r = byOutcome.get(row.id());
        Tally.Row after =
            new Tally.Row(r.status(), r.verified(), row.row().drifted(), row.row().reapplied());
        moved.computeIfAbsent(row.changeId(), c -> new Tally()).move(row.row(), after);
        if (r.changedState()) {
          states.put(r.agentId(), r.target());
          if (r.verified()) {
            verified.add(r.agentId());
          }
        }
      }
    }
    moved.forEach(counters::add);
    return new SetStates(states, verified);
  }

  /**
   * The states that recorded results set: agent to target, and the agents whose state was read
   * back.
   */
  public record SetStates(Map<AgentId, StateTarget> states, Set<AgentId> verified) {

    /** The states as the directory stores them: agent id to code ({@code null} = cleared). */
    public Map<Integer, Integer> columns() {
      Map<Integer, Integer> columns = new HashMap<>();
      states.forEach((agent, target) -> columns.put(agent.value(), target.column()));
      return columns;
    }

    /** The ids of the agents whose state was read back, as the directory stores them. */
    public Set<Integer> verifiedIds() {
      Set<Integer> ids = new HashSet<>();
      verified.forEach(agent -> ids.add(agent.value()));
      return ids;
    }
  }

  /**
   * Ends every pending outcome with {@code status} (not {@link OutcomeStatus#SUCCEEDED}, which no
   * caller needs and whose "held" count depends on each row) and {@code reason}; returns how many.
   * The rows are locked by id first (see the class comment), and only the rows locked are ended: an
   * outcome given back to pending meanwhile stays pending, as it would have had it been given back
   * just after the update (a cancelling lead ends it on its next step: {@link ChangeRun}).
   */
  @Transactional
  public int endPending(long id, OutcomeStatus status, String reason) {
    progressed.fire(new ChangeProgressed(id));
    // locked in id order; the update takes no other row (see OutcomeRows.lockPending)
    List<Long> pending = rows.lockPending(id);
    Instant now = Instant.now();
    int ended = 0;
    for (int from = 0; from < pending.size(); from += OutcomeRows.CHUNK) {
      ended +=
          em.createQuery(
                  "update BulkOutcome o set o.status = :to, o.reason = :r, o.finishedAt = :now"
                      + " where o.changeId = :id and o.id in :ids and o.status = :from")
              .setParameter("to", status)
              .setParameter("r", reason)
              .setParameter("now", now)
              .setParameter("id", id)
              .setParameter(
                  "ids", pending.subList(from, Math.min(pending.size(), from + OutcomeRows.CHUNK)))
              .setParameter("from", OutcomeStatus.PENDING)
              .executeUpdate();
    }
    // refuses SUCCEEDED, rolling the update back with it
    counters.add(id, new Tally().moveStatus(OutcomeStatus.PENDING, status, ended));
    return ended;
  }

  /**
   * Counts a re-application of the change's state on the agent (after a new session). The row is
   * locked and read first: the change's "reapplied" counts it only the first time.
   */
  @Transactional
  public void reapplied(long changeId, AgentId agentId) {
    rows.lock(changeId, agentId)
        .ifPresent(
            o -> {
              rows.reapplied(o.id());
              Tally.Row before = o.row();
              Tally.Row after =
                  new Tally.Row(
                      before.status(), before.verified(), before.drifted(), before.reapplied() + 1);
              counters.add(changeId, new Tally().move(before, after));
            });
  }

  /**
   * Marks the agent's state as changed outside StateDesk (or holding again). The row is locked and
   * read first: whether it moves "held" depends on its status, and an unchanged flag is not
   * written.
   */
  @Transactional
  public void drifted(long changeId, AgentId agentId, boolean drifted) {
    rows.lock(changeId, agentId)
        .filter(o -> o.row().drifted() != drifted)
        .ifPresent(
            o -> {
              rows.drifted(o.id(), drifted);
              Tally.Row before = o.row();
              Tally.Row after =
                  new Tally.Row(before.status(), before.verified(), drifted, before.reapplied());
              counters.add(changeId, new Tally().move(before, after));
            });
  }
}
