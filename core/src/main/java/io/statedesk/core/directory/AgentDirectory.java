package io.statedesk.core.directory;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.persistence.InLists;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import io.statedesk.core.session.Availability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Reads the agent directory. For supervisors and admins: pages, counts and figures of the agents
 * within their teams, each query narrowed by one {@link FilterClause}, so the team-scope rule is
 * written once. For the system's own work (reconciliation, schedules, read-backs): agents by id,
 * without a scope.
 *
 * <p>The directory's writes live apart, by what writes: {@link DirectoryImport} (a gateway sync, a
 * CSV file) and {@link DirectoryStates} (states as the gateway reports them or a change sets them);
 * the admins' team overview is {@link TeamSummaries}.
 */
@ApplicationScoped
public class AgentDirectory {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject Caller caller;
  @Inject TeamScope teams;

  /**
   * A page of agents matching {@code filter} within the caller's teams, ordered by {@code sort}.
   */
  @Transactional // a search reads twice (idsFirst): both in one transaction, as in visible()
  public List<DirectoryAgent> page(
      AgentFilter filter, String sort, boolean ascending, int first, int max) {
    Optional<FilterClause> clause = scoped(filter);
    if (clause.isEmpty()) {
      return List.of();
    }
    String column = sortColumn(sort);
    String order =
        " order by a."
            + column
            + (ascending ? " asc" : " desc")
            // a unique tie-breaker, but never the same column twice (H2 2.2 fails on
            // "order by x, x" with a bound OFFSET)
            + ("agentId".equals(column) ? "" : ", a.agentId asc");
    int from = Math.max(0, first);
    int size = Math.max(1, Math.min(max, 1000));
    if (filter.text() != null && !filter.text().isBlank()) {
      return idsFirst(clause.get(), column, order, from, size);
    }
    return clause
        .get()
        .bind(
            em.createQuery(
                "select a from DirectoryAgent a" + clause.get().where() + order,
                DirectoryAgent.class))
        .setFirstResult(from)
        .setMaxResults(size)
        .getResultList();
  }

  /**
   * A page of a free-text search, found by its ids first and then read whole. Why: the text is a
   * {@code like '%...%'} on the name, which no index serves, so every agent in the caller's teams
   * is a candidate. Their ids and names are all in the {@code (team, name)} index (which H2 keys by
   * agent id), so the ids of the page can be found there without reading each candidate's row, and
   * only the page's rows are read after (a supervisor's search over 25,000 agents, benchmarks.md
   * "The agent picker").
   */
  private List<DirectoryAgent> idsFirst(
      FilterClause clause, String column, String order, int from, int size) {
    // the sort column is selected too (JPQL orders only by what the query selects; the id twice
    // when it is the sort column)
    List<Integer> ids = new ArrayList<>();
    for (Object[] row :
        clause
            .bind(
                em.createQuery(
                    "select a.agentId, a."
                        + column
                        + " from DirectoryAgent a"
                        + clause.where()
                        + order,
                    Object[].class))
            .setFirstResult(from)
            .setMaxResults(size)
            .getResultList()) {
      ids.add(((Number) row[0]).intValue());
    }
    if (ids.isEmpty()) {
      return List.of();
    }
    Map<Integer, DirectoryAgent> rows = known(ids);
    // in the page's order; an agent removed between the two reads is left out
    return ids.stream().filter(rows::containsKey).map(rows::get).toList();
  }

  /** How many agents match {@code filter} within the caller's teams. */
  public long count(AgentFilter filter) {
    return scoped(filter)
        .map(
            c ->
                c.bind(
                        em.createQuery(
                            "select count(a) from DirectoryAgent a" + c.where(), Long.class))
                    .getSingleResult())
        .orElse(0L);
  }

  /** The ids of every agent matching {@code filter} ("select all N that match"). */
  public List<Integer> ids(AgentFilter filter) {
    return scoped(filter)
        .map(
            c ->
                c.bind(
                        em.createQuery(
                            "select a.agentId from DirectoryAgent a"
                                + c.where()
                                + " order by a.agentId",
                            Integer.class))
                    .getResultList())
        .orElse(List.of());
  }

  /**
   * The agents among {@code ids} that the caller may see (their teams; admins: all), by id. Ids
   * that are unknown or outside the caller's teams are simply absent, so a supervisor cannot tell
   * another team's agent from one that does not exist.
   */
  @Transactional // reads in a transaction: outside one, Payara's non-transactional entity manager
  // was seen closed between the scope query and this one ("closed EntityManager", BulkChangeIT)
  public Map<Integer, DirectoryAgent> visible(Collection<Integer> ids) {
    Map<Integer, DirectoryAgent> found = new HashMap<>();
    Optional<FilterClause> clause = scoped(AgentFilter.none());
    if (clause.isEmpty() || ids.isEmpty()) {
      return found;
    }
    String jpql = "select a from DirectoryAgent a" + clause.get().whereAnd("a.agentId in :ids");
    for (List<Integer> chunk : InLists.of(ids)) {
      for (DirectoryAgent a :
          clause
              .get()
              .bind(em.createQuery(jpql, DirectoryAgent.class))
              .setParameter("ids", chunk)
              .getResultList()) {
        found.put(a.getAgentId(), a);
      }
    }
    return found;
  }

  /** How many of the caller's agents are in each gateway state (for the picker's chart). */
  public Map<GatewayState, Long> countsByGatewayState() {
    return countsByGatewayState(AgentFilter.none());
  }

  /** How many of the caller's agents matching {@code filter} are in each gateway state. */
  public Map<GatewayState, Long> countsByGatewayState(AgentFilter filter) {
    Map<GatewayState, Long> counts = new EnumMap<>(GatewayState.class);
    for (Object[] row : grouped("a.gatewayState", filter)) {
      counts.put((GatewayState) row[0], (Long) row[1]);
    }
    return counts;
  }

  /** How many of the caller's agents are in each custom state; key 65535 = none set. */
  public Map<Integer, Long> countsByCustomState() {
    return countsByCustomState(AgentFilter.none());
  }

  /** How many of the caller's agents matching {@code filter} are in each custom state. */
  public Map<Integer, Long> countsByCustomState(AgentFilter filter) {
    Map<Integer, Long> counts = new TreeMap<>();
    for (Object[] row : grouped("a.customState", filter)) {
      counts.put(row[0] == null ? AgentFilter.NO_CUSTOM_STATE : (Integer) row[0], (Long) row[1]);
    }
    return counts;
  }

  /**
   * The caller's agents grouped by team, custom state and session availability, in one aggregate
   * query: the overview's figures without loading an agent.
   */
  public List<AgentCount> countsByTeamStateAndSession() {
    List<AgentCount> counts = new ArrayList<>();
    for (Object[] row :
        grouped("a.team, a.customState, a.sessionAvailability", AgentFilter.none())) {
      counts.add(
          new AgentCount(
              (String) row[0],
              row[1] == null ? AgentFilter.NO_CUSTOM_STATE : (Integer) row[1],
              row[2] == null ? Availability.NONE : (Availability) row[2],
              (Long) row[3]));
    }
    return counts;
  }

  /** The skills of the caller's agents, sorted (the picker's skill menu offers only these). */
  public List<String> skills() {
    Optional<FilterClause> clause = scoped(AgentFilter.none());
    if (clause.isEmpty()) {
      return List.of();
    }
    String jpql =
        "select distinct a.skills from DirectoryAgent a"
            + clause.get().whereAnd("a.skills is not null");
    TreeSet<String> skills = new TreeSet<>();
    for (String joined : clause.get().bind(em.createQuery(jpql, String.class)).getResultList()) {
      for (String skill : joined.split(",")) {
        if (!skill.isBlank()) {
          skills.add(skill.strip());
        }
      }
    }
    return List.copyOf(skills);
  }

  /** The teams present in the directory, sorted (for admins' filters). */
  public List<String> teams() {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    return em.createQuery(
            "select distinct a.team from DirectoryAgent a where a.team is not null order by a.team",
            String.class)
        .getResultList();
  }

  /** The number of agents in the whole directory (admins). */
  public long size() {
    caller.require(Role.ADMIN);
    return em.createQuery("select count(a) from DirectoryAgent a", Long.class).getSingleResult();
  }

  /** One agent, unscoped: for the system's own reconciliation (never for a caller). */
  @Transactional
  public Optional<DirectoryAgent> find(int agentId) {
    return Optional.ofNullable(em.find(DirectoryAgent.class, agentId));
  }

  /** Agents by id, unscoped: for changes the system runs on a creator's behalf (schedules). */
  @Transactional
  public Map<Integer, DirectoryAgent> known(Collection<Integer> ids) {
    Map<Integer, DirectoryAgent> found = new HashMap<>();
    for (List<Integer> chunk : InLists.of(ids)) {
      for (DirectoryAgent a :
          em.createQuery(
                  "select a from DirectoryAgent a where a.agentId in :ids", DirectoryAgent.class)
              .setParameter("ids", chunk)
              .getResultList()) {
        found.put(a.getAgentId(), a);
      }
    }
    return found;
  }

  /** Every agent id in the directory, unscoped: for the system's own read-backs. */
  List<Integer> allIds() {
    return em.createQuery(
            "select a.agentId from DirectoryAgent a order by a.agentId", Integer.class)
        .getResultList();
  }

  /**
   * The filter's clause within the caller's teams, after checking the caller is a supervisor or an
   * admin; empty when the caller's scope leaves nothing to see.
   */
  private Optional<FilterClause> scoped(AgentFilter filter) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    return teams.callerSeesAll()
        ? Optional.of(FilterClause.unscoped(filter))
        : FilterClause.within(teams.callerTeams(), filter);
  }

  /** {@code columns} and the count of agents, grouped by them, within the caller's teams. */
  private List<Object[]> grouped(String columns, AgentFilter filter) {
    return scoped(filter)
        .map(
            c ->
                c.bind(
                        em.createQuery(
                            "select "
                                + columns
                                + ", count(a) from DirectoryAgent a"
                                + c.where()
                                + " group by "
                                + columns,
                            Object[].class))
                    .getResultList())
        .orElse(List.of());
  }

  /** The column a sort key names; anything else sorts by agent id. */
  static String sortColumn(String sort) {
    return switch (sort == null ? "" : sort) {
      case "name" -> "name";
      case "team" -> "team";
      case "gatewayState" -> "gatewayState";
      case "customState" -> "customState";
      default -> "agentId";
    };
  }
}
