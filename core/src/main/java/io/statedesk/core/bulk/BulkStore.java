package io.statedesk.core.bulk;

import io.statedesk.core.catalog.StateCode;
import io.statedesk.core.cluster.Ownership;
import io.statedesk.core.directory.AgentDirectory;
import io.statedesk.core.directory.DirectoryWrites;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The persistence of bulk changes, one short transaction per step. No authorization here: {@link
 * BulkChanges} checks the caller before it calls in, and {@link BulkEngine} runs on behalf of the
 * change's creator on managed threads where there is no caller.
 *
 * <p>Reads are transactional too: on Payara, a container-managed entity manager used outside a
 * transaction on a managed thread of our own fails ("closed EntityManager").
 *
 * <p>Every statement here that moves an outcome's status, verified, drifted or reapplied adds what
 * it moved to the change's counters in the same transaction ({@link ChangeCounters}), so {@link
 * #counts} reads one row.
 *
 * <p>Longer than 300 lines: it is the one place that knows the bulk tables, and the claim, result
 * and history queries share their conditions; split, the row-locking protocol would be spread.
 */
@ApplicationScoped
@Transactional
public class BulkStore {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject AgentDirectory directory;
  @Inject Event<ChangeProgressed> progressed;
  @Inject ChangeCounters counters;
  @Inject OutcomeRows rows;

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
              id, p.agentId(), p.name(), p.team(), p.target(), p.previous(), p.previousKnown());
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
   * @param status {@link OutcomeStatus#PENDING}, or a final status decided without a call
   */
  public record Planned(
      int agentId,
      String name,
      String team,
      Integer target,
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
            .setParameter(
                "open", Set.of(ChangeStatus.QUEUED, ChangeStatus.RUNNING, ChangeStatus.PAUSED))
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

  /** Unfinished changes whose lease is free or expired: candidates for this instance. */
  public List<Long> orphans(Instant now) {
    return em.createQuery(
            "select c.id from BulkChange c where c.status in :open"
                + " and (c.leaseOwner is null or c.leaseUntil < :now) order by c.id",
            Long.class)
        .setParameter(
            "open", Set.of(ChangeStatus.QUEUED, ChangeStatus.RUNNING, ChangeStatus.PAUSED))
        .setParameter("now", now)
        .getResultList();
  }

  @Transactional
  public void status(long id, ChangeStatus status, String detail) {
    BulkChange change = em.find(BulkChange.class, id);
    if (change != null && !change.getStatus().isFinished()) {
      change.status(status, detail, Instant.now());
      progressed.fire(new ChangeProgressed(id));
    }
  }

  @Transactional
  public boolean requestCancel(long id) {
    BulkChange change = em.find(BulkChange.class, id);
    if (change == null || change.getStatus().isFinished()) {
      return false;
    }
    change.requestCancel();
    progressed.fire(new ChangeProgressed(id));
    return true;
  }

  public boolean cancelRequested(long id) {
    return em.createQuery(
            "select c.cancelRequested from BulkChange c where c.id = :id", Boolean.class)
        .setParameter("id", id)
        .getResultStream()
        .findFirst()
        .orElse(false);
  }

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
              ((Number) r[1]).intValue(),
              r[2] == null ? null : ((Number) r[2]).intValue(),
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
   * taken effect).
   */
  @Transactional
  public void backToPending(long id, Collection<Long> outcomeIds, String owner) {
    if (outcomeIds.isEmpty()) {
      return;
    }
    List<Long> ids = new ArrayList<>(outcomeIds);
    Collections.sort(ids); // locked in id order: see OutcomeRows
    for (int from = 0; from < ids.size(); from += OutcomeRows.CHUNK) {
      rows.lockOwnedInFlight(
          ids.subList(from, Math.min(ids.size(), from + OutcomeRows.CHUNK)), owner);
    }
    int moved =
        em.createQuery(
                "update BulkOutcome o set o.status = :p, o.owner = null, o.version = o.version + 1"
                    + " where o.changeId = :c and o.id in :ids and o.status = :f and o.owner = :o")
            .setParameter("p", OutcomeStatus.PENDING)
            .setParameter("f", OutcomeStatus.IN_FLIGHT)
            .setParameter("c", id)
            .setParameter("ids", outcomeIds)
            .setParameter("o", owner)
            .executeUpdate();
    counters.add(id, new Tally().moveStatus(OutcomeStatus.IN_FLIGHT, OutcomeStatus.PENDING, moved));
  }

  /**
   * Records final results in one transaction of three statements per {@value OutcomeRows#CHUNK}
   * results, however many: the outcomes the results may be written onto are locked, written in one
   * statement ({@link OutcomeRows}), and counted. A result is written only while the outcome is in
   * flight and owned by {@code owner}: an outcome another console took over, or one final already,
   * is left alone, so no outcome is written by two consoles. (It was one statement per result: the
   * engine's writes grew with the agents, issue 20.)
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
    Map<Integer, Integer> states = new HashMap<>();
    Set<Integer> verified = new HashSet<>();
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
   * The states that recorded results set: agent to code ({@code null} = cleared), and the agents
   * whose state was read back.
   */
  public record SetStates(Map<Integer, Integer> states, Set<Integer> verified) {}

  /** Outcomes still to be called or in flight (the change is done when none are left). */
  public long remaining(long id) {
    return em.createQuery(
            "select count(o) from BulkOutcome o where o.changeId = :id and o.status in :open",
            Long.class)
        .setParameter("id", id)
        .setParameter("open", Set.of(OutcomeStatus.PENDING, OutcomeStatus.IN_FLIGHT))
        .getSingleResult();
  }

  /** Unfinished changes, oldest first: every console takes part in each (its own agents). */
  public List<Long> open() {
    return em.createQuery(
            "select c.id from BulkChange c where c.status in :open order by c.id", Long.class)
        .setParameter(
            "open", Set.of(ChangeStatus.QUEUED, ChangeStatus.RUNNING, ChangeStatus.PAUSED))
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

  /**
   * Ends every pending outcome with {@code status} (not {@link OutcomeStatus#SUCCEEDED}, which no
   * caller needs and whose "held" count depends on each row) and {@code reason}; returns how many.
   */
  @Transactional
  public int endPending(long id, OutcomeStatus status, String reason) {
    progressed.fire(new ChangeProgressed(id));
    rows.lockPending(id); // in id order, before the update takes them in the table's order
    int ended =
        em.createQuery(
                "update BulkOutcome o set o.status = :to, o.reason = :r, o.finishedAt = :now"
                    + " where o.changeId = :id and o.status = :from")
            .setParameter("to", status)
            .setParameter("r", reason)
            .setParameter("now", Instant.now())
            .setParameter("id", id)
            .setParameter("from", OutcomeStatus.PENDING)
            .executeUpdate();
    // refuses SUCCEEDED, rolling the update back with it
    counters.add(id, new Tally().moveStatus(OutcomeStatus.PENDING, status, ended));
    return ended;
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

  /** The agent's outcome status in a change, if it is part of it. */
  public Optional<OutcomeStatus> outcomeStatus(long changeId, int agentId) {
    return em.createQuery(
            "select o.status from BulkOutcome o where o.changeId = :c and o.agentId = :a",
            OutcomeStatus.class)
        .setParameter("c", changeId)
        .setParameter("a", agentId)
        .getResultStream()
        .findFirst();
  }

  /** Whether a change is still to call the agent (pending or in flight). */
  public boolean busy(int agentId) {
    return em.createQuery(
                "select count(o) from BulkOutcome o where o.agentId = :a and o.status in :open",
                Long.class)
            .setParameter("a", agentId)
            .setParameter("open", Set.of(OutcomeStatus.PENDING, OutcomeStatus.IN_FLIGHT))
            .getSingleResult()
        > 0;
  }

  /**
   * Counts a re-application of the change's state on the agent (after a new session). The row is
   * locked and read first: the change's "reapplied" counts it only the first time.
   */
  @Transactional
  public void reapplied(long changeId, int agentId) {
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
  public void drifted(long changeId, int agentId, boolean drifted) {
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

  /** Outcomes of a change, by agent id; {@code teams} limits them (null = all). */
  public List<BulkOutcome> outcomes(
      long id, Set<OutcomeStatus> statuses, Set<String> teams, int first, int max) {
    Map<String, Object> params = new HashMap<>();
    TypedQuery<BulkOutcome> q =
        em.createQuery(
            "select o from BulkOutcome o"
                + outcomeWhere(id, statuses, teams, params)
                + " order by o.agentId",
            BulkOutcome.class);
    params.forEach(q::setParameter);
    return q.setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, max)).getResultList();
  }

  public long countOutcomes(long id, Set<OutcomeStatus> statuses, Set<String> teams) {
    Map<String, Object> params = new HashMap<>();
    TypedQuery<Long> q =
        em.createQuery(
            "select count(o) from BulkOutcome o" + outcomeWhere(id, statuses, teams, params),
            Long.class);
    params.forEach(q::setParameter);
    return q.getSingleResult();
  }

  private static String outcomeWhere(
      long id, Set<OutcomeStatus> statuses, Set<String> teams, Map<String, Object> params) {
    StringBuilder where = new StringBuilder(" where o.changeId = :id");
    params.put("id", id);
    if (statuses != null && !statuses.isEmpty()) {
      where.append(" and o.status in :statuses");
      params.put("statuses", statuses);
    }
    if (teams != null) {
      if (teams.isEmpty()) {
        where.append(" and 1 = 0");
      } else {
        where.append(" and o.team in :teams");
        params.put("teams", teams);
      }
    }
    return where.toString();
  }

  /** Whether the change touched an agent of one of {@code teams}. */
  public boolean touches(long id, Set<String> teams) {
    if (teams.isEmpty()) {
      return false;
    }
    return em.createQuery(
                "select count(o) from BulkOutcome o where o.changeId = :id and o.team in :t",
                Long.class)
            .setParameter("id", id)
            .setParameter("t", teams)
            .getSingleResult()
        > 0;
  }

  /**
   * A page of the history, newest first. {@code visibleTo}/{@code teams} limit it to the changes a
   * supervisor made or that touched their teams ({@code visibleTo} null = all).
   */
  public List<BulkChange> history(
      HistoryFilter filter, String visibleTo, Set<String> teams, int first, int max) {
    Map<String, Object> params = new HashMap<>();
    TypedQuery<BulkChange> q =
        em.createQuery(
            "select c from BulkChange c"
                + historyWhere(filter, visibleTo, teams, params)
                + " order by c.createdAt desc, c.id desc",
            BulkChange.class);
    params.forEach(q::setParameter);
    return q.setFirstResult(Math.max(0, first)).setMaxResults(Math.max(1, max)).getResultList();
  }

  public long countHistory(HistoryFilter filter, String visibleTo, Set<String> teams) {
    Map<String, Object> params = new HashMap<>();
    TypedQuery<Long> q =
        em.createQuery(
            "select count(c) from BulkChange c" + historyWhere(filter, visibleTo, teams, params),
            Long.class);
    params.forEach(q::setParameter);
    return q.getSingleResult();
  }

  /**
   * The changes not finished yet (queued, running, paused), oldest first, that {@code visibleTo}
   * may see (null = all).
   */
  public List<BulkChange> open(String visibleTo, Set<String> teams, int max) {
    Map<String, Object> params = new HashMap<>();
    String where = historyWhere(HistoryFilter.none(), visibleTo, teams, params);
    TypedQuery<BulkChange> q =
        em.createQuery(
            "select c from BulkChange c"
                + (where.isEmpty() ? " where " : where + " and ")
                + "c.status in :open order by c.createdAt, c.id",
            BulkChange.class);
    params.forEach(q::setParameter);
    q.setParameter("open", Set.of(ChangeStatus.QUEUED, ChangeStatus.RUNNING, ChangeStatus.PAUSED));
    return q.setMaxResults(Math.max(1, max)).getResultList();
  }

  /**
   * Agents that failed since {@code since}, per change, newest change first: counted in the
   * database (grouped), only in changes that were still open then (one finished before cannot have
   * failed since), and only the outcomes {@code visibleTo} may see: all of their own changes, their
   * teams' agents of others' (null = all).
   */
  public List<FailedChange> failedSince(
      Instant since, String visibleTo, Set<String> teams, int max) {
    Map<String, Object> params = new HashMap<>();
    String scope = "";
    if (visibleTo != null) {
      scope =
          teams.isEmpty() ? " and c.createdBy = :me" : " and (c.createdBy = :me or o.team in :t)";
      params.put("me", visibleTo);
      if (!teams.isEmpty()) {
        params.put("t", teams);
      }
    }
    TypedQuery<Object[]> q =
        em.createQuery(
            "select c.id, c.code, c.codeLabel, c.createdBy, count(o)"
                + " from BulkChange c, BulkOutcome o"
                + " where o.changeId = c.id and (c.finishedAt is null or c.finishedAt >= :since)"
                + " and o.status = :failed and o.finishedAt >= :since"
                + scope
                + " group by c.id, c.code, c.codeLabel, c.createdBy order by c.id desc",
            Object[].class);
    params.forEach(q::setParameter);
    q.setParameter("since", since).setParameter("failed", OutcomeStatus.FAILED);
    List<FailedChange> failed = new ArrayList<>();
    for (Object[] row : q.setMaxResults(Math.max(1, max)).getResultList()) {
      failed.add(
          new FailedChange(
              (Long) row[0], (Integer) row[1], (String) row[2], (String) row[3], (Long) row[4]));
    }
    return failed;
  }

  private static String historyWhere(
      HistoryFilter f, String visibleTo, Set<String> teams, Map<String, Object> params) {
    List<String> clauses = new ArrayList<>();
    if (visibleTo != null) {
      if (teams.isEmpty()) {
        clauses.add("c.createdBy = :me");
      } else {
        clauses.add(
            "(c.createdBy = :me or exists (select o.id from BulkOutcome o where o.changeId = c.id"
                + " and o.team in :myTeams))");
        params.put("myTeams", teams);
      }
      params.put("me", visibleTo);
    }
    if (f.from() != null) {
      clauses.add("c.createdAt >= :from");
      params.put("from", f.from());
    }
    if (f.to() != null) {
      clauses.add("c.createdAt < :to");
      params.put("to", f.to());
    }
    if (f.createdBy() != null && !f.createdBy().isBlank()) {
      clauses.add("c.createdBy = :by");
      params.put("by", f.createdBy().strip());
    }
    if (f.code() != null) {
      clauses.add("c.code = :code");
      params.put("code", f.code());
    }
    if (f.team() != null && !f.team().isBlank()) {
      clauses.add(
          "exists (select o2.id from BulkOutcome o2 where o2.changeId = c.id and o2.team = :team)");
      params.put("team", f.team().strip());
    }
    return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
  }
}
