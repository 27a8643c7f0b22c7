package io.statedesk.core.bulk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * A change's {@link Counts}, kept as its outcomes move (issue 20): the change page, the API and the
 * history read one row per change, whether it has 10 agents or 50,000, instead of a group-by and
 * four counts over all its outcome rows.
 *
 * <p>Why exact: {@link BulkStore}, {@link OutcomeClaims} and {@link OutcomeRecorder} add to the
 * counters in the same transaction as every statement that moves an outcome's status, verified,
 * drifted or reapplied, by what that statement really wrote (its row count, or the rows it locked
 * and wrote: {@link OutcomeRows}), and by a relative update ({@code n = n + d}): two consoles
 * writing one change at once each add their own part, and neither reads a count to write it back. A
 * rolled-back write rolls its counts back with it.
 *
 * <p>Why a table of its own ({@code bulk_change_count}, V21) rather than columns of {@code
 * bulk_change}: the change row is the {@link BulkChange} entity, written with its optimistic
 * version by status changes and every few seconds by each console's lease renewal, and read as an
 * entity by the history; counters updated by every claim and result of every console would make its
 * row the one every transaction waits for, and a loaded entity would carry counts already old.
 * Here, each transaction adds to the row last, after its outcome rows: it holds the row's lock only
 * until its commit, and always takes it after its outcome rows, so no two transactions wait for
 * each other in a circle.
 *
 * <p>Runs in the caller's transaction (every caller is one of those three, all transactional): a
 * counter written apart from its outcomes could be lost with one of them.
 */
@ApplicationScoped
class ChangeCounters {

  private static final String COLUMNS =
      Stream.of(Tally.Counter.values()).map(c -> c.column).collect(Collectors.joining(", "));

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  /** The counters of a change just written with its outcomes. */
  void start(long changeId, Tally initial) {
    Tally.Counter[] counters = Tally.Counter.values();
    StringBuilder values = new StringBuilder("?1");
    for (int i = 0; i < counters.length; i++) {
      values.append(", ?").append(i + 2);
    }
    Query q =
        em.createNativeQuery(
                "insert into bulk_change_count (change_id, "
                    + COLUMNS
                    + ") values ("
                    + values
                    + ")")
            .setParameter(1, changeId);
    for (Tally.Counter c : counters) {
      q.setParameter(c.ordinal() + 2, initial.get(c));
    }
    q.executeUpdate();
  }

  /**
   * Adds {@code delta} to the change's counters. A change without a counter row (none is known:
   * every change gets one with its outcomes, and V21 gave one to each earlier change) gets one
   * counted from its outcomes as this transaction sees them, its own writes included.
   */
  void add(long changeId, Tally delta) {
    if (delta.isZero()) {
      return;
    }
    StringBuilder set = new StringBuilder();
    for (Tally.Counter c : Tally.Counter.values()) {
      set.append(set.isEmpty() ? "" : ", ")
          .append(c.column)
          .append(" = ")
          .append(c.column)
          .append(" + ?")
          .append(c.ordinal() + 1);
    }
    int key = Tally.Counter.values().length + 1;
    Query q =
        em.createNativeQuery("update bulk_change_count set " + set + " where change_id = ?" + key);
    for (Tally.Counter c : Tally.Counter.values()) {
      q.setParameter(c.ordinal() + 1, delta.get(c));
    }
    if (q.setParameter(key, changeId).executeUpdate() == 0) {
      start(changeId, tally(aggregate(changeId)));
    }
  }

  /** The change's counts, from its counter row (all zero for an unknown change). */
  Counts read(long changeId) {
    List<?> rows =
        em.createNativeQuery("select " + COLUMNS + " from bulk_change_count where change_id = ?1")
            .setParameter(1, changeId)
            .getResultList();
    if (rows.isEmpty()) {
      return aggregate(changeId);
    }
    Object[] row = (Object[]) rows.get(0);
    long[] values = new long[row.length];
    for (int i = 0; i < row.length; i++) {
      values[i] = ((Number) row[i]).longValue();
    }
    return Tally.counts(values);
  }

  /**
   * The change's counts derived from its outcome rows: what the counters must always equal. For
   * checks (the tests compare the two after races), and for a change without a counter row; a page
   * never needs it, as its cost grows with the change.
   */
  Counts aggregate(long changeId) {
    Map<OutcomeStatus, Long> byStatus = new EnumMap<>(OutcomeStatus.class);
    for (Object[] row :
        em.createQuery(
                "select o.status, count(o) from BulkOutcome o where o.changeId = :id group by o.status",
                Object[].class)
            .setParameter("id", changeId)
            .getResultList()) {
      byStatus.put((OutcomeStatus) row[0], (Long) row[1]);
    }
    return Counts.of(
        byStatus,
        count(changeId, "o.verified = true"),
        count(
            changeId,
            "o.status = io.statedesk.core.bulk.OutcomeStatus.SUCCEEDED and o.drifted = false"),
        count(changeId, "o.reapplied > 0"),
        count(changeId, "o.drifted = true"));
  }

  /**
   * Outcomes of the change matching a fixed condition (never user input). Separate counts rather
   * than sums of CASE expressions: EclipseLink binds the CASE results as parameters, whose type H2
   * cannot infer.
   */
  private long count(long changeId, String condition) {
    return em.createQuery(
            "select count(o) from BulkOutcome o where o.changeId = :id and " + condition,
            Long.class)
        .setParameter("id", changeId)
        .getSingleResult();
  }

  /** Counts as amounts to start a counter row with. */
  private static Tally tally(Counts c) {
    return Tally.of(
        new long[] {
          c.pending(),
          c.inFlight(),
          c.succeeded(),
          c.verified(),
          c.failed(),
          c.noSession(),
          c.skipped(),
          c.cancelled(),
          c.held(),
          c.reapplied(),
          c.drifted()
        });
  }
}
