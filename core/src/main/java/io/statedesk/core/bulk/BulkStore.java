package io.statedesk.core.bulk;

import io.statedesk.core.catalog.StateCode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The bulk change rows: a change written with its outcomes, found again, its lease and its status.
 * The persistence of bulk changes is cut by what it is about, one short transaction per step: this
 * class for the change rows, {@link OutcomeClaims} for taking outcomes to call, {@link
 * OutcomeRecorder} for writing what the calls did, and {@link ChangeQueries} for the pages, the
 * history and the export. No authorization in any of them: {@link BulkChanges} checks the caller
 * before it calls in, and {@link BulkEngine} runs on behalf of the change's creator on managed
 * threads where there is no caller.
 *
 * <p>Reads are transactional too: on Payara, a container-managed entity manager used outside a
 * transaction on a managed thread of our own fails ("closed EntityManager").
 *
 * <p>Every statement of these classes that moves an outcome's status, verified, drifted or
 * reapplied adds what it moved to the change's counters in the same transaction ({@link
 * ChangeCounters}), so {@link #counts} reads one row.
 */
@ApplicationScoped
@Transactional
public class BulkStore {

  /** The statuses of a change not finished yet. */
  static final Set<ChangeStatus> OPEN =
      Set.of(ChangeStatus.QUEUED, ChangeStatus.RUNNING, ChangeStatus.PAUSED);

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject Event<ChangeProgressed> progressed;
  @Inject ChangeCounters counters;

  /** Persists a change, all its outcome rows and its counters in one transaction. */
  @Transactional
  public BulkChange create(BulkChange change, List<Planned> outcomes) {
    return create(change, outcomes, List.of());
  }

  /**
   * Persists a change, all its outcome rows with the label and colour each target code has now
   * ({@code codes}: "labels as they were", one update per distinct code) and its counters, in one
   * transaction. The labels are written before the change can be seen: written after its commit,
   * they would update rows that another console's engine may already be claiming and recording, in
   * the table's order rather than by id (see {@link OutcomeRows}).
   */
  @Transactional
  public BulkChange create(BulkChange change, List<Planned> outcomes, Collection<StateCode> codes) {
    em.persist(change);
    em.flush();
    long id = change.getId();
    Instant now = Instant.now();
    Tally counted = new Tally();
    int n = 0;
    for (Planned p : outcomes) {
      counted.add(Tally.Row.created(p.status()));
      BulkOutcome o =
          new BulkOutcome(
              id,
              p.agentId(),
              p.name(),
              p.team(),
              p.target().column(),
              p.previous(),
              p.previousKnown());
      if (p.status() != OutcomeStatus.PENDING) {
        o.skip(p.status(), p.reason(), now);
      }
      em.persist(o);
      if (++n % 500 == 0) {
        em.flush();
        em.clear();
      }
    }
    counters.start(id, counted);
    em.flush();
    for (StateCode code : codes) {
      em.createQuery(
              "update BulkOutcome o set o.targetLabel = :l, o.targetColour = :c"
                  + " where o.changeId = :id and o.targetState = :code")
          .setParameter("l", code.getLabel())
          .setParameter("c", code.getColour())
          .setParameter("id", id)
          .setParameter("code", code.getCode())
          .executeUpdate();
    }
    return change;
  }

  /**
   * One outcome row to write with a new change.
   *
   * @param agentId the number as requested: an agent id, except in a {@link Verdict#INVALID_ID} row
   * @param status {@link OutcomeStatus#PENDING}, or a final status decided without a call
   */
  public record Planned(
      int agentId,
      String name,
      String team,
      StateTarget target,
      Integer previous,
      boolean previousKnown,
      OutcomeStatus status,
      String reason) {}

  /**
   * A catalog code as it is now, without a caller: for the scheduler, which starts changes on a
   * schedule creator's behalf (the catalog's own lookups check the caller).
   */
  public Optional<StateCode> stateCode(int code) {
    return em.createQuery("select s from StateCode s where s.code = :c", StateCode.class)
        .setParameter("c", code)
        .getResultStream()
        .findFirst();
  }

  public Optional<BulkChange> find(long id) {
    return Optional.ofNullable(em.find(BulkChange.class, id));
  }

  public Optional<BulkChange> findByKey(String user, String key) {
    return em.createQuery(
            "select c from BulkChange c where c.createdBy = :u and c.idempotencyKey = :k",
            BulkChange.class)
        .setParameter("u", user)
        .setParameter("k", key)
        .getResultStream()
        .findFirst();
  }

  /**
   * Takes (or renews) the lease of an unfinished change for {@code owner}: succeeds if nobody holds
   * it, the holder's lease expired, or {@code owner} holds it already. The database decides, so
   * exactly one instance wins.
   */
  @Transactional
  public boolean tryLease(long id, String owner, Instant until, Instant now) {
    return em.createQuery(
                "update BulkChange c set c.leaseOwner = :o, c.leaseUntil = :u, c.version = c.version + 1"
                    + " where c.id = :id and c.status in :open"
                    + " and (c.leaseOwner is null or c.leaseUntil < :now or c.leaseOwner = :o)")
            .setParameter("o", owner)
            .setParameter("u", until)
            .setParameter("id", id)
            .setParameter("now", now)
            .setParameter("open", OPEN)
            .executeUpdate()
        == 1;
  }

  /** Gives the lease up at once (a stopping instance), so that another one can take over. */
  @Transactional
  public void releaseLease(long id, String owner) {
    em.createQuery(
            "update BulkChange c set c.leaseOwner = null, c.leaseUntil = null, c.version = c.version + 1"
                + " where c.id = :id and c.leaseOwner = :o")
        .setParameter("id", id)
        .setParameter("o", owner)
        .executeUpdate();
  }

  @Transactional
  public void status(long id, ChangeStatus status, String detail) {
    BulkChange change = em.find(BulkChange.class, id);
    if (change != null && !change.getStatus().isFinished()) {
      change.status(status, detail, Instant.now());
      progressed.fire(new ChangeProgressed(id));
    }
  }

  /**
   * Marks an open change for cancelling; false if it has ended (or does not exist). One statement
   * that needs no version: the lease's renewal ({@link #tryLease}) bumps the change's version every
   * few seconds, and a cancel written through the entity failed with an optimistic lock exception
   * when the two met (a supervisor's Cancel refused as an error, {@code ChangeCountersIT} on
   * PostgreSQL, 2026-12-05). It bumps the version itself, as the lease does, so that a writer
   * holding the change from before (Hibernate writes every column of an entity) cannot write the
   * flag back to false.
   */
  @Transactional
  public boolean requestCancel(long id) {
    int marked =
        em.createQuery(
                "update BulkChange c set c.cancelRequested = true, c.version = c.version + 1"
                    + " where c.id = :id and c.status in :open")
            .setParameter("id", id)
            .setParameter("open", OPEN)
            .executeUpdate();
    if (marked == 0) {
      return false;
    }
    progressed.fire(new ChangeProgressed(id));
    return true;
  }

  /** Unfinished changes, oldest first: every console takes part in each (its own agents). */
  public List<Long> open() {
    return em.createQuery(
            "select c.id from BulkChange c where c.status in :open order by c.id", Long.class)
        .setParameter("open", OPEN)
        .getResultList();
  }

  /** The change's status, and whether a cancel was requested: one read per check. */
  public Optional<Object[]> state(long id) {
    return em.createQuery(
            "select c.status, c.cancelRequested from BulkChange c where c.id = :id", Object[].class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst();
  }

  /** The change's counts: one row read, whatever the change's size ({@link ChangeCounters}). */
  public Counts counts(long id) {
    return counters.read(id);
  }

  /**
   * The change's counts derived from all its outcome rows, as {@link #counts} read them before
   * issue 20: what the counters must always equal. For checks only (the tests compare the two after
   * racing writes); its cost grows with the change.
   */
  public Counts countsFromOutcomes(long id) {
    return counters.aggregate(id);
  }
}
