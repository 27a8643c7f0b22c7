package io.statedesk.core.bulk;

import io.statedesk.core.gateway.AgentId;
import io.statedesk.core.persistence.InLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The reads behind the pages, the history, the export and the audience of a change: a change's
 * outcomes a page at a time, the history with its filter, the changes still open, the failures
 * since a time, each limited to what the viewer may see. The conditions are built here ({@link
 * #outcomeWhere}, {@link #historyWhere}) so that a page and its count always agree. Read-only;
 * transactional for the reason {@link BulkStore} gives.
 */
@ApplicationScoped
@Transactional
public class ChangeQueries {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

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

  /** The outcomes of change {@code id} for {@code agents} (at most {@link InLists#MAX}). */
  public List<BulkOutcome> outcomesOf(long id, Collection<AgentId> agents) {
    return em.createQuery(
            "select o from BulkOutcome o where o.changeId = :c and o.agentId in :ids",
            BulkOutcome.class)
        .setParameter("c", id)
        .setParameter("ids", agents.stream().map(AgentId::value).toList())
        .getResultList();
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

  /**
   * How many outcomes of change {@code id} have each status, in one statement: counted status by
   * status while the change runs, an outcome that moved on between two counts was counted twice (a
   * supervisor was shown 2 agents of a 1-agent share, "1 pending, 1 succeeded").
   */
  public Map<OutcomeStatus, Long> countOutcomesByStatus(long id, Set<String> teams) {
    Map<String, Object> params = new HashMap<>();
    TypedQuery<Object[]> q =
        em.createQuery(
            "select o.status, count(o) from BulkOutcome o"
                + outcomeWhere(id, null, teams, params)
                + " group by o.status",
            Object[].class);
    params.forEach(q::setParameter);
    Map<OutcomeStatus, Long> counted = new EnumMap<>(OutcomeStatus.class);
    for (OutcomeStatus s : OutcomeStatus.values()) {
      counted.put(s, 0L);
    }
    for (Object[] row : q.getResultList()) {
      counted.put((OutcomeStatus) row[0], ((Number) row[1]).longValue());
    }
    return counted;
  }

  static String outcomeWhere(
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
    q.setParameter("open", BulkStore.OPEN);
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

  /** The agent's outcome status in a change, if it is part of it. */
  public Optional<OutcomeStatus> outcomeStatus(long changeId, AgentId agentId) {
    return em.createQuery(
            "select o.status from BulkOutcome o where o.changeId = :c and o.agentId = :a",
            OutcomeStatus.class)
        .setParameter("c", changeId)
        .setParameter("a", agentId.value())
        .getResultStream()
        .findFirst();
  }

  static String historyWhere(
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
