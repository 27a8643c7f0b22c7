package io.statedesk.core.trail;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.audit.AuditEvent;
import io.statedesk.core.catalog.StateCatalog;
import io.statedesk.core.directory.AgentDirectory;
import io.statedesk.core.directory.DirectoryAgent;
import io.statedesk.core.problem.Text;
import io.statedesk.core.security.AccessDeniedException;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * An agent's history, from the outcome rows of the changes that included it (every state it was
 * given, by whom, through which change, with the label as it was then) and from the audit trail.
 * Supervisors read the history of their teams' agents only.
 */
@ApplicationScoped
@Transactional
public class AgentHistories {

  /** How many states and events one history shows at most (the newest). */
  public static final int LIMIT = 200;

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject Caller caller;
  @Inject TeamScope teams;
  @Inject AgentDirectory directory;
  @Inject StateCatalog catalog;

  /**
   * The history of {@code agentId}.
   *
   * @throws AccessDeniedException for a supervisor, when the agent is not one of their teams' (or
   *     unknown: the two are not told apart)
   */
  public AgentHistory of(int agentId) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    DirectoryAgent agent = directory.visible(Set.of(agentId)).get(agentId);
    if (agent == null && !teams.callerSeesAll()) {
      throw new AccessDeniedException(Text.of("history.outOfScope", agentId));
    }
    List<Object[]> rows =
        em.createQuery(
                "select o.changeId, c.createdAt, c.createdBy, c.kind, c.action, o.targetState,"
                    + " c.code, c.codeLabel, c.codeColour, o.targetLabel, o.targetColour,"
                    + " o.status, o.finishedAt, o.reason"
                    + " from BulkOutcome o, BulkChange c"
                    + " where c.id = o.changeId and o.agentId = :a"
                    + " order by c.createdAt desc, c.id desc",
                Object[].class)
            .setParameter("a", agentId)
            .setMaxResults(LIMIT)
            .getResultList();
    Map<Integer, String> today = labelsToday(rows);
    List<StateGiven> states = new ArrayList<>(rows.size());
    for (Object[] r : rows) {
      Integer target = (Integer) r[5];
      boolean sameCode = target != null && target.equals(r[6]);
      // the change's own snapshot for its code; the outcome's for an undo's per-agent targets
      String label = sameCode ? (String) r[7] : (String) r[9];
      String colour = sameCode ? (String) r[8] : (String) r[10];
      String now = target == null ? null : today.get(target);
      states.add(
          new StateGiven(
              (Long) r[0],
              (Instant) r[1],
              (String) r[2],
              String.valueOf(r[3]),
              String.valueOf(r[4]),
              target,
              label,
              colour,
              now != null && label != null && !Objects.equals(now, label) ? now : null,
              String.valueOf(r[11]),
              (Instant) r[12],
              (String) r[13]));
    }
    // the agent is the caller's (or the caller an admin): every event about it is in scope
    List<AuditEntry> events = aboutAgent(agentId);
    return new AgentHistory(
        agentId,
        agent == null ? null : agent.getName(),
        agent == null ? null : agent.getTeam(),
        states,
        events);
  }

  /** The events whose subject is the agent itself (not the changes: those are the states). */
  private List<AuditEntry> aboutAgent(int agentId) {
    return em.createQuery(
            "select e from AuditEvent e where e.agentId = :a order by e.at desc, e.id desc",
            AuditEvent.class)
        .setParameter("a", agentId)
        .setMaxResults(LIMIT)
        .getResultStream()
        .map(AuditEntry::of)
        .toList();
  }

  /** Today's default label of each code the rows name. */
  private Map<Integer, String> labelsToday(List<Object[]> rows) {
    Set<Integer> codes = new HashSet<>();
    for (Object[] r : rows) {
      if (r[5] != null) {
        codes.add((Integer) r[5]);
      }
    }
    return catalog.labelsToday(codes);
  }
}
