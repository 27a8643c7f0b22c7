package io.statedesk.core.bulk;

import io.statedesk.core.gateway.AgentId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The statements of {@link OutcomeRecorder} that write outcome rows one by one in effect but in one
 * statement, and that must know exactly which rows they wrote, so that the change's counters move
 * by what was written ({@link ChangeCounters}). Each write is done in two steps of the caller's
 * transaction: the rows are locked ({@code select ... for update}) under the write's own condition,
 * which tells what each row was; then one statement writes them, with the condition repeated. No
 * other transaction can change a locked row before this one ends, so the rows read are the rows
 * written.
 *
 * <p>Every statement here that locks more than one row locks them in ascending id order ({@code
 * order by o.id for update}: the rows are sorted before they are locked), and so must every other
 * statement that may wait for outcome rows while it holds some ({@link OutcomeRecorder#endPending},
 * {@link OutcomeClaims#backToPending} lock theirs here first). Why: in READ COMMITTED, PostgreSQL
 * keeps the lock on a row it waited for even when the row, once free, no longer matches the
 * statement's condition; an {@code update ... where status = 'PENDING'} walking the rows in the
 * table's order (a sequential or bitmap scan) could thus hold an in-flight row that a console's
 * results lock next, while waiting for one those results hold already: a deadlock, which the
 * counter race of {@code ChangeCountersIT} met in CI. Two transactions that both lock in one order
 * cannot wait for each other in a circle.
 *
 * <p>Native SQL that H2 and PostgreSQL both run: a {@code case} per column picks each row's value,
 * every value cast to its column's type (PostgreSQL infers no type for a bare parameter in a {@code
 * case}, H2 none for one without a column beside it). Text that comes from outside the console (the
 * gateway's retcode and reason, the owner's name) is always bound, never written into the text; the
 * write ({@link #finish}) writes what the console made itself as literals: ids, counts, durations,
 * flags and the names of its own {@link OutcomeStatus} constants. Why: EclipseLink handles a native
 * query's positional parameters in time that grows with the square of their number, and binding all
 * 13 values of 25 rows was a fifth of the console's CPU in a 10,000-agent change (JFR,
 * benchmarks.md "Bulk changes"). The locks bind their ids: one per row, a few hundred a statement.
 */
@ApplicationScoped
class OutcomeRows {

  /**
   * Rows per statement: a flush's results are at most twice the engine's concurrency (1,000 at
   * most); 250 rows bind about 3,300 values, a tenth of what PostgreSQL's protocol allows.
   */
  static final int CHUNK = 250;

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  /** One outcome row as it was when this transaction locked it. */
  record Locked(long id, long changeId, AgentId agentId, Tally.Row row) {}

  private static final String COLUMNS =
      "select o.id, o.change_id, o.agent_id, o.status, o.verified, o.drifted, o.reapplied"
          + " from bulk_outcome o where ";

  /**
   * Locks those of {@code ids} (at most {@link #CHUNK}) that are in flight and owned by {@code
   * owner}: the outcomes a result of {@code owner} may still be written onto.
   */
  List<Locked> lockOwnedInFlight(List<Long> ids, String owner) {
    StringBuilder in = new StringBuilder();
    for (int i = 0; i < ids.size(); i++) {
      in.append(i == 0 ? "?" : ", ?").append(i + 2);
    }
    Query q =
        em.createNativeQuery(
            COLUMNS
                + "o.id in ("
                + in
                + ") and o.status = 'IN_FLIGHT' and o.owner = ?1 order by o.id for update");
    q.setParameter(1, owner);
    for (int i = 0; i < ids.size(); i++) {
      q.setParameter(i + 2, ids.get(i));
    }
    return locked(q);
  }

  /**
   * Locks the change's pending outcomes (and those it had to wait for), in id order, and returns
   * the ids of the pending ones, ascending. The statement that ends them next must write these ids
   * only: an outcome that becomes pending after this lock (a console gives back one it could not
   * call) is not locked, and a statement that matched it by its status would wait for it out of
   * order (a deadlock met on PostgreSQL by {@code ChangeCountersIT}'s race).
   */
  List<Long> lockPending(long changeId) {
    List<Long> ids = new ArrayList<>();
    for (Object id :
        em.createNativeQuery(
                "select o.id from bulk_outcome o where o.change_id = ?1 and o.status = 'PENDING'"
                    + " order by o.id for update")
            .setParameter(1, changeId)
            .getResultList()) {
      ids.add(((Number) id).longValue());
    }
    return ids;
  }

  /** Locks the agent's outcome in a change, if the agent is part of it. */
  Optional<Locked> lock(long changeId, AgentId agentId) {
    Query q =
        em.createNativeQuery(COLUMNS + "o.change_id = ?1 and o.agent_id = ?2 for update")
            .setParameter(1, changeId)
            .setParameter(2, agentId.value());
    return locked(q).stream().findFirst();
  }

  private static List<Locked> locked(Query q) {
    List<Locked> rows = new ArrayList<>();
    for (Object found : q.getResultList()) {
      Object[] r = (Object[]) found;
      rows.add(
          new Locked(
              ((Number) r[0]).longValue(),
              ((Number) r[1]).longValue(),
              new AgentId(((Number) r[2]).intValue()),
              new Tally.Row(
                  OutcomeStatus.valueOf((String) r[3]),
                  (Boolean) r[4],
                  (Boolean) r[5],
                  ((Number) r[6]).intValue())));
    }
    return rows;
  }

  /**
   * Rows per writing statement ({@link #finish}). Fewer than {@link #CHUNK}: each of the
   * statement's six {@code case} columns compares a row's id with every id it lists, so a
   * statement's cost grows with the square of its rows. (At 250 rows a statement, with all 13
   * values of a row bound, the write was about a third of the console's CPU in a 10,000-agent
   * change at concurrency 64: JFR, benchmarks.md.)
   */
  static final int WRITE_CHUNK = 25;

  /**
   * Writes each locked row's result, {@value #WRITE_CHUNK} rows a statement, still only where the
   * row is in flight and owned by {@code owner}.
   *
   * @param rows rows {@link #lockOwnedInFlight} returned in this transaction
   * @param results the result of each row, by outcome id
   * @return the rows written
   */
  int finish(List<Locked> rows, Map<Long, AgentResult> results, String owner, Instant now) {
    int written = 0;
    for (int from = 0; from < rows.size(); from += WRITE_CHUNK) {
      written +=
          finishChunk(
              rows.subList(from, Math.min(rows.size(), from + WRITE_CHUNK)), results, owner, now);
    }
    return written;
  }

  private int finishChunk(
      List<Locked> rows, Map<Long, AgentResult> results, String owner, Instant now) {
    List<AgentResult> ordered = rows.stream().map(r -> results.get(r.id())).toList();
    List<Object> bound = new ArrayList<>();
    StringBuilder sql = new StringBuilder("update bulk_outcome set status = ");
    pick(sql, ordered, "varchar(12)", r -> "'" + r.status().name() + "'");
    sql.append(", verified = ");
    pick(sql, ordered, "boolean", r -> Boolean.toString(r.verified()));
    sql.append(", retcode = ");
    pick(sql, ordered, "varchar(16)", r -> bind(bound, r.retcode()));
    sql.append(", reason = ");
    pick(
        sql,
        ordered,
        "varchar(300)",
        r -> bind(bound, r.reason() == null ? null : BulkChange.cut(r.reason(), 300)));
    sql.append(", attempts = attempts + ");
    pick(sql, ordered, "integer", r -> Integer.toString(r.attempts()));
    sql.append(", duration_ms = ");
    pick(sql, ordered, "bigint", r -> Long.toString(r.durationMs()));
    // as InstantConverter writes the entity's
    sql.append(", finished_at = ").append(bind(bound, now.atOffset(ZoneOffset.UTC)));
    sql.append(", version = version + 1 where id in (");
    for (int i = 0; i < ordered.size(); i++) {
      sql.append(i == 0 ? "" : ", ").append(ordered.get(i).outcomeId());
    }
    sql.append(") and status = 'IN_FLIGHT' and owner = ").append(bind(bound, owner));
    Query q = em.createNativeQuery(sql.toString());
    for (int i = 0; i < bound.size(); i++) {
      q.setParameter(i + 1, bound.get(i));
    }
    return q.executeUpdate();
  }

  /**
   * {@code case id when 17 then cast(... as type) ... end}: each result's value for its row, as
   * {@code value} writes it (a literal or a {@link #bind bound} parameter).
   */
  private static void pick(
      StringBuilder sql,
      List<AgentResult> results,
      String type,
      Function<AgentResult, String> value) {
    sql.append("case id");
    for (AgentResult r : results) {
      sql.append(" when ").append(r.outcomeId());
      sql.append(" then cast(").append(value.apply(r)).append(" as ").append(type).append(')');
    }
    sql.append(" end");
  }

  /** A parameter for {@code value}: its place in the statement ({@code ?n}), or a null literal. */
  private static String bind(List<Object> bound, Object value) {
    if (value == null) {
      return "null";
    }
    bound.add(value);
    return "?" + bound.size();
  }

  /** Adds one to the row's re-applications. */
  void reapplied(long id) {
    em.createNativeQuery("update bulk_outcome set reapplied = reapplied + 1 where id = ?1")
        .setParameter(1, id)
        .executeUpdate();
  }

  /** Sets whether the row's state was found changed outside StateDesk. */
  void drifted(long id, boolean drifted) {
    em.createNativeQuery("update bulk_outcome set drifted = ?1 where id = ?2")
        .setParameter(1, drifted)
        .setParameter(2, id)
        .executeUpdate();
  }
}
