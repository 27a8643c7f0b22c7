package io.statedesk.core.bulk;

import io.statedesk.core.cluster.Ownership;
import io.statedesk.core.gateway.AgentId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * Which outcomes a console calls: its engine claims pending ones, takes over those a dead console
 * left in flight, and gives back those it could not call; and whether any outcome is still to be
 * called. Kept together because they share the row-locking protocol: a row is taken with {@code
 * select ... for update skip locked} and then marked in flight and owned, so that two consoles
 * never take the same outcome and neither waits for the other. One short transaction per method,
 * each counting what it moved ({@link ChangeCounters}); see {@link BulkStore} for the other parts
 * of the bulk persistence.
 *
 * <p>Locks in ascending id order, as every statement that locks several outcome rows and may wait
 * must ({@link OutcomeRows} says why: PostgreSQL deadlocked without it). The claims take theirs by
 * id and skip locked rows, so they never wait; {@link #backToPending}, which may wait for a row
 * another transaction holds, sorts its ids and locks them chunk by chunk ({@link
 * OutcomeRows#lockOwnedInFlight}), then updates the rows it locked and only those, so its update
 * waits for no row (as {@link OutcomeRecorder#endPending} does).
 */
@ApplicationScoped
@Transactional
public class OutcomeClaims {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject ChangeCounters counters;
  @Inject OutcomeRows rows;

  /**
   * Takes up to {@code max} pending outcomes of agents whose calls {@code owner} makes (see {@link
   * Ownership}) and marks them in flight and owned, in one transaction of three statements: a
   * {@code select ... for update skip locked} (H2 2 and PostgreSQL both have it), so that two
   * consoles claiming at once take different rows and neither waits, one {@code update} by id, and
   * one that counts them in flight.
   */
  @Transactional
  public List<AgentCall.Work> claim(
      long id, int max, boolean verify, Ownership ownership, boolean lead, String owner) {
    List<AgentCall.Work> work =
        lockRows(id, "o.status = 'PENDING'", max, verify, false, ownership, lead, null);
    int marked = mark(work, owner, "o.status = io.statedesk.core.bulk.OutcomeStatus.PENDING");
    counters.add(
        id, new Tally().moveStatus(OutcomeStatus.PENDING, OutcomeStatus.IN_FLIGHT, marked));
    return work;
  }

  /**
   * Takes over up to {@code max} outcomes left in flight by an instance that is no longer alive (no
   * heartbeat in {@code cluster_member}), among the agents {@code owner} calls: the work comes back
   * with {@code recheck}, so the agent's state is read back before any call is sent again. The
   * outcomes stay in flight, so no count moves.
   */
  @Transactional
  public List<AgentCall.Work> adopt(
      long id, int max, Ownership ownership, boolean lead, String owner, Instant now) {
    List<AgentCall.Work> work =
        lockRows(
            id,
            "o.status = 'IN_FLIGHT' and (o.owner is null or (o.owner <> ?2 and o.owner not in"
                + " (select m.instance_id from cluster_member m where m.beat_until > ?3)))",
            max,
            true,
            true,
            ownership,
            lead,
            new Object[] {owner, Timestamp.from(now)});
    mark(work, owner, "o.status = io.statedesk.core.bulk.OutcomeStatus.IN_FLIGHT");
    return work;
  }

  private List<AgentCall.Work> lockRows(
      long id,
      String condition,
      int max,
      boolean verify,
      boolean recheck,
      Ownership ownership,
      boolean lead,
      Object[] more) {
    // ?1 is the change, ?2.. the condition's own, then the ownership's: labels without a gap
    int first = 2 + (more == null ? 0 : more.length);
    Query q =
        em.createNativeQuery(
            "select o.id, o.agent_id, o.target_state from bulk_outcome o where o.change_id = ?1 and "
                + condition
                + " and "
                + ownership.sql("o.agent_id", lead, first)
                + " order by o.id fetch first "
                + Math.max(1, max)
                + " rows only for update skip locked");
    q.setParameter(1, id);
    if (more != null) {
      for (int i = 0; i < more.length; i++) {
        q.setParameter(i + 2, more[i]);
      }
    }
    ownership.parameters(lead, Instant.now(), first).forEach(q::setParameter);
    List<AgentCall.Work> work = new ArrayList<>();
    for (Object row : q.getResultList()) {
      Object[] r = (Object[]) row;
      work.add(
          new AgentCall.Work(
              ((Number) r[0]).longValue(),
              new AgentId(((Number) r[1]).intValue()),
              StateTarget.ofColumn(r[2] == null ? null : ((Number) r[2]).intValue()),
              verify,
              recheck));
    }
    return work;
  }

  private int mark(List<AgentCall.Work> work, String owner, String condition) {
    if (work.isEmpty()) {
      return 0;
    }
    return em.createQuery(
            "update BulkOutcome o set o.status = :s, o.owner = :o, o.version = o.version + 1"
                + " where o.id in :ids and "
                + condition)
        .setParameter("s", OutcomeStatus.IN_FLIGHT)
        .setParameter("o", owner)
        .setParameter("ids", work.stream().map(AgentCall.Work::outcomeId).toList())
        .executeUpdate();
  }

  /**
   * Puts {@code owner}'s in-flight outcomes of change {@code id} back to pending (known not to have
   * taken effect). The rows are locked by id first (see the class comment).
   */
  @Transactional
  public void backToPending(long id, Collection<Long> outcomeIds, String owner) {
    if (outcomeIds.isEmpty()) {
      return;
    }
    List<Long> ids = new ArrayList<>(outcomeIds);
    Collections.sort(ids); // locked in id order: see OutcomeRows
    int moved = 0;
    for (int from = 0; from < ids.size(); from += OutcomeRows.CHUNK) {
      List<Long> locked =
          rows
              .lockOwnedInFlight(
                  ids.subList(from, Math.min(ids.size(), from + OutcomeRows.CHUNK)), owner)
              .stream()
              .map(OutcomeRows.Locked::id)
              .toList();
      if (locked.isEmpty()) {
        continue;
      }
      // the rows just locked, and only those: the update waits for no row (as endPending)
      moved +=
          em.createQuery(
                  "update BulkOutcome o set o.status = :p, o.owner = null, o.version = o.version + 1"
                      + " where o.changeId = :c and o.id in :ids and o.status = :f and o.owner = :o")
              .setParameter("p", OutcomeStatus.PENDING)
              .setParameter("f", OutcomeStatus.IN_FLIGHT)
              .setParameter("c", id)
              .setParameter("ids", locked)
              .setParameter("o", owner)
              .executeUpdate();
    }
    counters.add(id, new Tally().moveStatus(OutcomeStatus.IN_FLIGHT, OutcomeStatus.PENDING, moved));
  }

  /** Outcomes still to be called or in flight (the change is done when none are left). */
  public long remaining(long id) {
    return em.createQuery(
            "select count(o) from BulkOutcome o where o.changeId = :id and o.status in :open",
            Long.class)
        .setParameter("id", id)
        .setParameter("open", Set.of(OutcomeStatus.PENDING, OutcomeStatus.IN_FLIGHT))
        .getSingleResult();
  }

  /** Whether a change is still to call the agent (pending or in flight). */
  public boolean busy(AgentId agentId) {
    return em.createQuery(
                "select count(o) from BulkOutcome o where o.agentId = :a and o.status in :open",
                Long.class)
            .setParameter("a", agentId.value())
            .setParameter("open", Set.of(OutcomeStatus.PENDING, OutcomeStatus.IN_FLIGHT))
            .getSingleResult()
        > 0;
  }
}
