package io.statedesk.core.directory;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.persistence.InLists;
import io.statedesk.core.problem.ProblemDetail;
import io.statedesk.core.problem.ProblemException;
import io.statedesk.core.problem.ProblemKind;
import io.statedesk.core.problem.Text;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The directory's queries (paged, filtered, scoped to the caller's teams) and its writes (a whole
 * gateway sync in one transaction; custom states as they are set).
 *
 * <p>Longer than most classes because every query shares one scoped where clause ({@code where}):
 * split up, each part would need the team-scope rule again.
 */
@ApplicationScoped
public class AgentDirectory {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject Event<DirectoryRowsAdded> rowsAdded;
  @Inject Event<AgentsChanged> agentsChanged;
  @Inject Caller caller;
  @Inject TeamScope teams;
  @Inject AuditLog audit;

  /**
   * A page of agents matching {@code filter} within the caller's teams, ordered by {@code sort}.
   */
  public List<DirectoryAgent> page(
      AgentFilter filter, String sort, boolean ascending, int first, int max) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params);
    if (where == null) {
      return List.of();
    }
    TypedQuery<DirectoryAgent> query =
        em.createQuery(
            "select a from DirectoryAgent a"
                + where
                + " order by a."
                + sortColumn(sort)
                + (ascending ? " asc" : " desc")
                // a unique tie-breaker, but never the same column twice (H2 2.2 fails on
                // "order by x, x" with a bound OFFSET)
                + ("agentId".equals(sortColumn(sort)) ? "" : ", a.agentId asc"),
            DirectoryAgent.class);
    params.forEach(query::setParameter);
    return query
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.max(1, Math.min(max, 1000)))
        .getResultList();
  }

  /** How many agents match {@code filter} within the caller's teams. */
  public long count(AgentFilter filter) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params);
    if (where == null) {
      return 0;
    }
    TypedQuery<Long> query =
        em.createQuery("select count(a) from DirectoryAgent a" + where, Long.class);
    params.forEach(query::setParameter);
    return query.getSingleResult();
  }

  /** The ids of every agent matching {@code filter} ("select all N that match"). */
  public List<Integer> ids(AgentFilter filter) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params);
    if (where == null) {
      return List.of();
    }
    TypedQuery<Integer> query =
        em.createQuery(
            "select a.agentId from DirectoryAgent a" + where + " order by a.agentId",
            Integer.class);
    params.forEach(query::setParameter);
    return query.getResultList();
  }

  /**
   * The agents among {@code ids} that the caller may see (their teams; admins: all), by id. Ids
   * that are unknown or outside the caller's teams are simply absent, so a supervisor cannot tell
   * another team's agent from one that does not exist.
   */
  @Transactional // reads in a transaction: outside one, Payara's non-transactional entity manager
  // was seen closed between the scope query and this one ("closed EntityManager", BulkChangeIT)
  public Map<Integer, DirectoryAgent> visible(Collection<Integer> ids) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    Map<Integer, DirectoryAgent> found = new HashMap<>();
    Map<String, Object> params = new HashMap<>();
    String where = where(AgentFilter.none(), params);
    if (where == null || ids.isEmpty()) {
      return found;
    }
    for (List<Integer> chunk : InLists.of(ids)) {
      TypedQuery<DirectoryAgent> query =
          em.createQuery(
              "select a from DirectoryAgent a"
                  + (where.isEmpty() ? " where " : where + " and ")
                  + "a.agentId in :ids",
              DirectoryAgent.class);
      params.forEach(query::setParameter);
      query.setParameter("ids", chunk);
      for (DirectoryAgent a : query.getResultList()) {
        found.put(a.getAgentId(), a);
      }
    }
    return found;
  }

  /** The JPQL where clause, or {@code null} when the caller's scope leaves nothing to see. */
  private String where(AgentFilter filter, Map<String, Object> params) {
    List<String> clauses = new ArrayList<>();
    Set<String> scope;
    if (teams.callerSeesAll()) {
      scope = filter.teams();
    } else {
      scope = new HashSet<>(teams.callerTeams());
      if (!filter.teams().isEmpty()) {
        scope.retainAll(filter.teams());
      }
      if (scope.isEmpty()) {
        return null;
      }
    }
    if (!scope.isEmpty()) {
      clauses.add("a.team in :teams");
      params.put("teams", scope);
    }
    if (!filter.states().isEmpty()) {
      clauses.add("a.gatewayState in :states");
      params.put("states", filter.states());
    }
    if (filter.customState() != null) {
      if (filter.customState() == AgentFilter.NO_CUSTOM_STATE) {
        clauses.add("a.customState is null");
      } else {
        clauses.add("a.customState = :custom");
        params.put("custom", filter.customState());
      }
    }
    if (!filter.sessions().isEmpty()) {
      Set<String> named = new HashSet<>(filter.sessions());
      boolean none = named.remove("NONE");
      if (named.isEmpty()) {
        clauses.add("a.sessionAvailability is null");
      } else {
        clauses.add(
            none
                ? "(a.sessionAvailability in :sessions or a.sessionAvailability is null)"
                : "a.sessionAvailability in :sessions");
        params.put("sessions", named);
      }
    }
    if (filter.skill() != null && !filter.skill().isBlank()) {
      clauses.add("concat(',', a.skills, ',') like :skill");
      params.put("skill", "%," + escape(filter.skill().strip()) + ",%");
    }
    if (!filter.skills().isEmpty()) {
      List<String> any = new ArrayList<>();
      int i = 0;
      for (String skill : new TreeSet<>(filter.skills())) {
        any.add("concat(',', a.skills, ',') like :anySkill" + i);
        params.put("anySkill" + i++, "%," + escape(skill.strip()) + ",%");
      }
      clauses.add("(" + String.join(" or ", any) + ")");
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      String text = filter.text().strip();
      if (text.matches("\\d{1,6}")) {
        clauses.add("(a.agentId = :id or lower(a.name) like :text)");
        params.put("id", Integer.parseInt(text));
      } else {
        clauses.add("lower(a.name) like :text");
      }
      params.put("text", "%" + escape(text.toLowerCase(Locale.ROOT)) + "%");
    }
    return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
  }

  private static String escape(String s) {
    return s.replace("%", "").replace("_", "").replace("\\", "");
  }

  private static String sortColumn(String sort) {
    return switch (sort == null ? "" : sort) {
      case "name" -> "name";
      case "team" -> "team";
      case "gatewayState" -> "gatewayState";
      case "customState" -> "customState";
      default -> "agentId";
    };
  }

  /**
   * Replaces the gateway-sourced part of the directory with {@code entries}, in one transaction:
   * new agents are added, known ones updated (their custom state kept), vanished ones removed.
   *
   * @return how many agents were added, updated and removed
   */
  @Transactional
  public SyncResult replaceFromGateway(List<DirectoryEntry> entries, String actor) {
    Instant now = Instant.now();
    Map<Integer, Listed> existing = new HashMap<>();
    for (Object[] row :
        em.createQuery(Listed.SELECT + " where a.source = :s", Object[].class)
            .setParameter("s", DirectoryAgent.Source.GATEWAY)
            .getResultList()) {
      Listed listed = Listed.of(row);
      existing.put(listed.agentId(), listed);
    }
    int added = 0;
    Set<Integer> addedIds = new HashSet<>();
    int updated = 0;
    List<Integer> refreshed = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    for (DirectoryEntry entry : entries) {
      if (!seen.add(entry.agentId())) {
        continue;
      }
      Listed known = existing.remove(entry.agentId());
      if (known != null) {
        refresh(known, entry);
        refreshed.add(entry.agentId());
        updated++;
      } else if (em.find(DirectoryAgent.class, entry.agentId()) == null) {
        em.persist(new DirectoryAgent(entry, DirectoryAgent.Source.GATEWAY, now));
        addedIds.add(entry.agentId());
        added++;
      }
    }
    for (List<Integer> gone : InLists.of(existing.keySet())) {
      em.createQuery("delete from DirectoryAgent a where a.agentId in :ids")
          .setParameter("ids", gone)
          .executeUpdate();
    }
    stampSynced(refreshed, now);
    SyncResult result = new SyncResult(added, updated, existing.size());
    audit.record(actor, AuditAction.DIRECTORY_SYNCED, "agent directory", result.describe(), null);
    if (!addedIds.isEmpty()) {
      rowsAdded.fire(new DirectoryRowsAdded(addedIds));
    }
    Set<Integer> touched = new HashSet<>(seen);
    touched.addAll(existing.keySet());
    agentsChanged.fire(new AgentsChanged(touched));
    return result;
  }

  /** An import was refused; nothing changed. Each problem names its line. */
  public static class DirectoryImportException extends ProblemException {
    private static final long serialVersionUID = 1L;
    private final transient List<DirectoryCsv.Problem> problems;

    public DirectoryImportException(List<DirectoryCsv.Problem> problems) {
      super(ProblemKind.INVALID, null, Text.of("directory.import.refused", problems.size()));
      this.problems = List.copyOf(problems);
    }

    public List<DirectoryCsv.Problem> problems() {
      return problems;
    }

    @Override
    public List<ProblemDetail> details() {
      return problems.stream().map(p -> ProblemDetail.ofLine(p.line(), p.text())).toList();
    }
  }

  /**
   * Imports agents from a CSV file (admins): all rows or, if any row is wrong, none.
   *
   * @throws DirectoryImportException listing every bad row by line
   */
  @Transactional
  public SyncResult importCsv(byte[] content) {
    caller.require(Role.ADMIN);
    DirectoryCsv.Parsed parsed = DirectoryCsv.parse(content);
    if (!parsed.problems().isEmpty()) {
      throw new DirectoryImportException(parsed.problems());
    }
    Instant now = Instant.now();
    int added = 0;
    Set<Integer> addedIds = new HashSet<>();
    int updated = 0;
    List<Integer> refreshed = new ArrayList<>();
    Map<Integer, Listed> known =
        listed(parsed.entries().stream().map(DirectoryEntry::agentId).toList());
    for (DirectoryEntry entry : parsed.entries()) {
      Listed existing = known.get(entry.agentId());
      if (existing == null) {
        em.persist(new DirectoryAgent(entry, DirectoryAgent.Source.IMPORT, now));
        addedIds.add(entry.agentId());
        added++;
      } else {
        refresh(existing, entry);
        refreshed.add(entry.agentId());
        updated++;
      }
    }
    stampSynced(refreshed, now);
    SyncResult result = new SyncResult(added, updated, 0);
    audit.record(
        caller.name(), AuditAction.DIRECTORY_IMPORTED, "agent directory", result.describe(), null);
    if (!addedIds.isEmpty()) {
      rowsAdded.fire(new DirectoryRowsAdded(addedIds));
    }
    return result;
  }

  /*
   * Every write below names its columns (a JPQL update), never a whole loaded row. Why: Hibernate
   * (WildFly) writes every column of a changed entity, so a sync or a session flush that had loaded
   * an agent wrote back the custom state it had read, over the one a change recorded meanwhile, and
   * the planner then skipped the agent as "already in that state". EclipseLink writes only changed
   * columns; the statements below behave the same on both.
   */

  /**
   * The fields a sync or an import writes, of one agent as stored: read as values, not entities, so
   * that the statements after them have no loaded rows to keep in step (EclipseLink matched each
   * update against every loaded agent: a second sync of 50,000 took minutes).
   */
  private record Listed(
      int agentId,
      String name,
      String team,
      String skills,
      GatewayState gatewayState,
      String phone) {

    static final String SELECT =
        "select a.agentId, a.name, a.team, a.skills, a.gatewayState, a.phone from DirectoryAgent a";

    static Listed of(Object[] row) {
      return new Listed(
          ((Number) row[0]).intValue(),
          (String) row[1],
          (String) row[2],
          (String) row[3],
          (GatewayState) row[4],
          (String) row[5]);
    }
  }

  /** The stored fields of those of {@code ids} that are in the directory. */
  private Map<Integer, Listed> listed(List<Integer> ids) {
    Map<Integer, Listed> found = new HashMap<>();
    for (List<Integer> chunk : InLists.of(ids)) {
      for (Object[] row :
          em.createQuery(Listed.SELECT + " where a.agentId in :ids", Object[].class)
              .setParameter("ids", chunk)
              .getResultList()) {
        Listed listed = Listed.of(row);
        found.put(listed.agentId(), listed);
      }
    }
    return found;
  }

  /** Writes the listed fields of a known agent that the entry changes (none: no statement). */
  private void refresh(Listed known, DirectoryEntry entry) {
    String skills = entry.skills().isEmpty() ? null : String.join(",", entry.skills());
    // an import knows no state: keep the one the gateway reported
    GatewayState state =
        entry.gatewayState() != GatewayState.UNKNOWN || known.gatewayState() == null
            ? entry.gatewayState()
            : known.gatewayState();
    if (Objects.equals(known.name(), entry.name())
        && Objects.equals(known.team(), entry.team())
        && Objects.equals(known.skills(), skills)
        && known.gatewayState() == state
        && Objects.equals(known.phone(), entry.phone())) {
      return;
    }
    em.createQuery(
            "update DirectoryAgent a set a.name = :n, a.team = :t, a.skills = :s,"
                + " a.gatewayState = :g, a.phone = :p where a.agentId = :id")
        .setParameter("n", entry.name())
        .setParameter("t", entry.team())
        .setParameter("s", skills)
        .setParameter("g", state)
        .setParameter("p", entry.phone())
        .setParameter("id", entry.agentId())
        .executeUpdate();
  }

  /** Stamps the agents a sync or an import listed, a thousand per statement. */
  private void stampSynced(List<Integer> ids, Instant now) {
    for (List<Integer> chunk : InLists.of(ids)) {
      em.createQuery("update DirectoryAgent a set a.syncedAt = :now where a.agentId in :ids")
          .setParameter("now", now)
          .setParameter("ids", chunk)
          .executeUpdate();
    }
  }

  /** The outcome of a sync or an import. */
  public record SyncResult(int added, int updated, int removed) {

    /**
     * "3 added, 297 updated, 0 removed": the audit trail's detail and the log's, read by people
     * (the record's own toString is for programmers).
     */
    public String describe() {
      return added + " added, " + updated + " updated, " + removed + " removed";
    }
  }

  /**
   * What importing a file would do: its problems (nothing would be imported if there is one), how
   * many agents it would add and update, and its teams.
   */
  public record ImportPreview(
      List<DirectoryCsv.Problem> problems, int added, int updated, List<String> teams) {

    public ImportPreview {
      problems = List.copyOf(problems);
      teams = List.copyOf(teams);
    }

    /** Whether the file can be imported as it is. */
    public boolean applicable() {
      return problems.isEmpty() && added + updated > 0;
    }
  }

  /**
   * Reads a CSV file as {@link #importCsv} would and says what importing it would do (admins);
   * changes nothing.
   */
  public ImportPreview previewCsv(byte[] content) {
    caller.require(Role.ADMIN);
    DirectoryCsv.Parsed parsed = DirectoryCsv.parse(content);
    if (!parsed.problems().isEmpty()) {
      return new ImportPreview(parsed.problems(), 0, 0, List.of());
    }
    Set<Integer> ids = new HashSet<>();
    Set<String> fileTeams = new TreeSet<>();
    for (DirectoryEntry entry : parsed.entries()) {
      ids.add(entry.agentId());
      fileTeams.add(entry.team());
    }
    int known = 0;
    for (List<Integer> chunk : InLists.of(ids)) {
      known +=
          em.createQuery(
                  "select count(a) from DirectoryAgent a where a.agentId in :ids", Long.class)
              .setParameter("ids", chunk)
              .getSingleResult()
              .intValue();
    }
    return new ImportPreview(List.of(), ids.size() - known, known, new ArrayList<>(fileTeams));
  }

  /**
   * One team as admins see it: its agents in the directory (0 for a team that supervisors are
   * assigned to but no agent belongs to: usually a typo or a team not synchronised yet), how many
   * of them the console can act for now, and the supervisors assigned to it.
   */
  public record TeamSummary(String team, long agents, long usable, List<String> supervisors) {

    public TeamSummary {
      supervisors = List.copyOf(supervisors);
    }

    /** Whether no agent of the directory belongs to the team. */
    public boolean unknown() {
      return agents == 0;
    }
  }

  /** Every team of the directory or of a supervisor's assignment, by name (admins). */
  public List<TeamSummary> teamSummaries() {
    caller.require(Role.ADMIN);
    Map<String, long[]> counts = new TreeMap<>();
    for (Object[] row :
        em.createQuery(
                "select a.team, a.sessionAvailability, count(a) from DirectoryAgent a"
                    + " where a.team is not null group by a.team, a.sessionAvailability",
                Object[].class)
            .getResultList()) {
      long[] c = counts.computeIfAbsent((String) row[0], t -> new long[2]);
      long n = (Long) row[2];
      c[0] += n;
      if ("HOSTED".equals(row[1]) || "RELAYED".equals(row[1])) {
        c[1] += n;
      }
    }
    Map<String, List<String>> supervisors = teams.supervisorsByTeam();
    Set<String> names = new TreeSet<>(counts.keySet());
    names.addAll(supervisors.keySet());
    List<TeamSummary> summaries = new ArrayList<>();
    for (String name : names) {
      long[] c = counts.getOrDefault(name, new long[2]);
      summaries.add(new TeamSummary(name, c[0], c[1], supervisors.getOrDefault(name, List.of())));
    }
    return summaries;
  }

  /** Records gateway states reported by events (agents not in the directory are ignored). */
  @Transactional
  public void applyStates(Map<Integer, GatewayState> states) {
    for (Map.Entry<Integer, GatewayState> e : states.entrySet()) {
      em.createQuery("update DirectoryAgent a set a.gatewayState = :g where a.agentId = :id")
          .setParameter("g", e.getValue())
          .setParameter("id", e.getKey())
          .executeUpdate();
    }
    agentsChanged.fire(new AgentsChanged(states.keySet()));
  }

  /** Records session availabilities (HOSTED, RELAYED, STALE, or null for none) by agent. */
  @Transactional
  public void applyAvailability(Map<Integer, String> availability) {
    for (Map.Entry<Integer, String> e : availability.entrySet()) {
      em.createQuery("update DirectoryAgent a set a.sessionAvailability = :v where a.agentId = :id")
          .setParameter("v", e.getValue())
          .setParameter("id", e.getKey())
          .executeUpdate();
    }
    agentsChanged.fire(new AgentsChanged(availability.keySet()));
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
   * A custom state read back from the gateway ({@code state} null = none set) and when it was asked
   * for.
   */
  public record ReadState(Integer state, Instant askedAt) {}

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
    for (Map.Entry<Integer, ReadState> e : states.entrySet()) {
      ReadState read = e.getValue();
      written +=
          em.createQuery(
                  "update DirectoryAgent a set a.customState = :c, a.customStateAt = :at,"
                      + " a.customStateVerifiedAt = :at where a.agentId = :id"
                      + " and (a.customStateAt is null or a.customStateAt < :at)")
              .setParameter("c", read.state())
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
    for (Map.Entry<Integer, Integer> e : states.entrySet()) {
      em.createQuery(
              verified.contains(e.getKey())
                  ? "update DirectoryAgent a set a.customState = :c, a.customStateAt = :at,"
                      + " a.customStateVerifiedAt = :at where a.agentId = :id"
                  : "update DirectoryAgent a set a.customState = :c, a.customStateAt = :at"
                      + " where a.agentId = :id")
          .setParameter("c", e.getValue())
          .setParameter("at", now)
          .setParameter("id", e.getKey())
          .executeUpdate();
    }
    agentsChanged.fire(new AgentsChanged(states.keySet()));
  }

  /**
   * Records one read-back of an agent's state and whether it drifted from the desired one.
   *
   * @param drifted the state differs from the desired one and no new session explains it
   */
  @Transactional
  public void recordReadBack(int agentId, Integer state, boolean drifted) {
    Instant now = Instant.now();
    em.createQuery(
            "update DirectoryAgent a set a.customState = :c, a.customStateAt = :at,"
                + " a.customStateVerifiedAt = :at, a.driftState = :d, a.driftAt = :da"
                + " where a.agentId = :id")
        .setParameter("c", state)
        .setParameter("at", now)
        .setParameter("d", drifted ? state : null)
        .setParameter("da", drifted ? now : null)
        .setParameter("id", agentId)
        .executeUpdate();
    agentsChanged.fire(new AgentsChanged(Set.of(agentId)));
  }

  /** Records an agent's custom state (after a successful set, or a read-back). */
  @Transactional
  public void recordCustomState(int agentId, Integer state) {
    em.createQuery(
            "update DirectoryAgent a set a.customState = :c, a.customStateAt = :at"
                + " where a.agentId = :id")
        .setParameter("c", state)
        .setParameter("at", Instant.now())
        .setParameter("id", agentId)
        .executeUpdate();
    agentsChanged.fire(new AgentsChanged(Set.of(agentId)));
  }

  /** How many of the caller's agents are in each gateway state (for the picker's chart). */
  public Map<GatewayState, Long> countsByGatewayState() {
    return countsByGatewayState(AgentFilter.none());
  }

  /** How many of the caller's agents matching {@code filter} are in each gateway state. */
  public Map<GatewayState, Long> countsByGatewayState(AgentFilter filter) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    Map<GatewayState, Long> counts = new EnumMap<>(GatewayState.class);
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params);
    if (where == null) {
      return counts;
    }
    var query =
        em.createQuery(
            "select a.gatewayState, count(a) from DirectoryAgent a"
                + where
                + " group by a.gatewayState",
            Object[].class);
    params.forEach(query::setParameter);
    for (Object[] row : query.getResultList()) {
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
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    Map<Integer, Long> counts = new TreeMap<>();
    Map<String, Object> params = new HashMap<>();
    String where = where(filter, params);
    if (where == null) {
      return counts;
    }
    var query =
        em.createQuery(
            "select a.customState, count(a) from DirectoryAgent a"
                + where
                + " group by a.customState",
            Object[].class);
    params.forEach(query::setParameter);
    for (Object[] row : query.getResultList()) {
      counts.put(row[0] == null ? AgentFilter.NO_CUSTOM_STATE : (Integer) row[0], (Long) row[1]);
    }
    return counts;
  }

  /**
   * The caller's agents grouped by team, custom state and session availability, in one aggregate
   * query: the overview's figures without loading an agent.
   */
  public List<AgentCount> countsByTeamStateAndSession() {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    Map<String, Object> params = new HashMap<>();
    String where = where(AgentFilter.none(), params);
    if (where == null) {
      return List.of();
    }
    var query =
        em.createQuery(
            "select a.team, a.customState, a.sessionAvailability, count(a) from DirectoryAgent a"
                + where
                + " group by a.team, a.customState, a.sessionAvailability",
            Object[].class);
    params.forEach(query::setParameter);
    List<AgentCount> counts = new ArrayList<>();
    for (Object[] row : query.getResultList()) {
      counts.add(
          new AgentCount(
              (String) row[0],
              row[1] == null ? AgentFilter.NO_CUSTOM_STATE : (Integer) row[1],
              (String) row[2],
              (Long) row[3]));
    }
    return counts;
  }

  /** The skills of the caller's agents, sorted (the picker's skill menu offers only these). */
  public List<String> skills() {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    Map<String, Object> params = new HashMap<>();
    String where = where(AgentFilter.none(), params);
    if (where == null) {
      return List.of();
    }
    var query =
        em.createQuery(
            "select distinct a.skills from DirectoryAgent a"
                + (where.isEmpty() ? " where " : where + " and ")
                + "a.skills is not null",
            String.class);
    params.forEach(query::setParameter);
    TreeSet<String> skills = new TreeSet<>();
    for (String joined : query.getResultList()) {
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
}
