package io.statedesk.core.account;

import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.problem.Text;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * The teams a supervisor is responsible for. Admins assign them; every scoped core service asks
 * {@link #callerTeams()} (an empty set for a supervisor without teams, so they see nothing scoped).
 */
@ApplicationScoped
public class TeamScope {

  private static final Pattern TEAM = Pattern.compile("[\\p{L}\\p{N} ._-]{1,64}");

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject Caller caller;
  @Inject AuditLog audit;
  @Inject UserAccounts accounts;

  /** Whether the caller sees every team (admins). */
  public boolean callerSeesAll() {
    return caller.has(Role.ADMIN);
  }

  /** The caller's teams (for admins: their own assignments, though they see all). */
  public Set<String> callerTeams() {
    return caller.isAuthenticated() ? teamsOf(caller.name()) : Set.of();
  }

  /** Whether the caller may see or act on something of {@code team}. */
  public boolean callerMay(String team) {
    return callerSeesAll() || callerTeams().contains(team);
  }

  public Set<String> teamsOf(String username) {
    return new TreeSet<>(
        em.createQuery("select t.team from SupervisorTeam t where t.username = :u", String.class)
            .setParameter("u", username)
            .getResultList());
  }

  /**
   * Replaces a supervisor's teams (admins only).
   *
   * @throws InvalidAccountException for an unknown user, a malformed or an unknown team
   */
  @Transactional
  public Set<String> assign(String username, Collection<String> teams) {
    caller.require(Role.ADMIN);
    if (accounts.find(username).isEmpty()) {
      throw new InvalidAccountException("username", Text.of("user.notFound", username));
    }
    Set<String> clean = new LinkedHashSet<>();
    for (String team : teams) {
      String t = team == null ? "" : team.strip();
      if (!TEAM.matcher(t).matches()) {
        throw new InvalidAccountException("teams", Text.of("teams.name.format", t));
      }
      clean.add(t);
    }
    Set<String> before = teamsOf(username);
    Set<String> unknown = unknownTeams(clean, before);
    if (!unknown.isEmpty()) {
      throw new InvalidAccountException(
          "teams", Text.of("teams.unknown", String.join(", ", unknown)));
    }
    em.createQuery("delete from SupervisorTeam t where t.username = :u")
        .setParameter("u", username)
        .executeUpdate();
    for (String t : clean) {
      em.persist(new SupervisorTeam(username, t));
    }
    audit.record(
        caller.name(),
        AuditAction.USER_TEAMS_ASSIGNED,
        "user " + username,
        "before " + before + " after " + new TreeSet<>(clean),
        null);
    return new TreeSet<>(clean);
  }

  /**
   * The teams of the agent directory, sorted: the names a supervisor or a code may be given, chosen
   * from a list on the pages, never typed (a typo would scope to a team nobody is in).
   */
  public Set<String> knownTeams() {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    return new TreeSet<>(
        em.createQuery(
                "select distinct a.team from DirectoryAgent a where a.team is not null",
                String.class)
            .getResultList());
  }

  /**
   * The teams the caller may pick in the agent and history filters: every team of the directory, in
   * the database's order, for an admin; their own for anyone else (a filter on another team would
   * show nothing anyway).
   */
  public List<String> choosableTeams() {
    if (!callerSeesAll()) {
      return new ArrayList<>(callerTeams());
    }
    return em.createQuery(
            "select distinct a.team from DirectoryAgent a where a.team is not null order by a.team",
            String.class)
        .getResultList();
  }

  /**
   * Of {@code teams}, those the directory does not know and that were not given before ({@code
   * kept}: an assignment whose team has left the directory may stay). Empty while the directory has
   * no teams at all (a new console before its first import or sync: nothing to choose from).
   */
  public Set<String> unknownTeams(Collection<String> teams, Collection<String> kept) {
    Set<String> known = knownTeams();
    Set<String> unknown = new TreeSet<>(teams);
    if (known.isEmpty()) {
      return Set.of();
    }
    unknown.removeAll(known);
    unknown.removeAll(kept);
    return unknown;
  }

  /** Every assignment, as team to the supervisors assigned to it, both sorted (admins). */
  public Map<String, List<String>> supervisorsByTeam() {
    caller.require(Role.ADMIN);
    Map<String, List<String>> byTeam = new TreeMap<>();
    for (SupervisorTeam t :
        em.createQuery(
                "select t from SupervisorTeam t order by t.team, t.username", SupervisorTeam.class)
            .getResultList()) {
      byTeam.computeIfAbsent(t.getTeam(), k -> new ArrayList<>()).add(t.getUsername());
    }
    return byTeam;
  }

  /** Seeds assignments on behalf of the system (demo), only for users who have none. */
  @Transactional
  public void seed(String username, List<String> teams) {
    if (accounts.find(username).isPresent() && teamsOf(username).isEmpty()) {
      for (String t : teams) {
        em.persist(new SupervisorTeam(username, t));
      }
      audit.record(
          "system",
          AuditAction.USER_TEAMS_ASSIGNED,
          "user " + username,
          "demo seed " + teams,
          null);
    }
  }
}
