package io.statedesk.core.directory;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import io.statedesk.core.session.Availability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The admins' overview of teams: every team of the directory or of a supervisor's assignment, with
 * its agents, how many the console can act for, and its supervisors. Why apart from {@link
 * AgentDirectory}: it is unscoped (admins only) and joins the directory with the assignments of
 * {@link TeamScope}, to show a team supervisors are assigned to that has no agent.
 */
@ApplicationScoped
public class TeamSummaries {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject Caller caller;
  @Inject TeamScope teams;

  /** Every team of the directory or of a supervisor's assignment, by name (admins). */
  public List<TeamSummary> all() {
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
      if (row[1] instanceof Availability a && a.isLive()) {
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
}
