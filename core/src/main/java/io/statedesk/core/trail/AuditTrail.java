package io.statedesk.core.trail;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.audit.AuditEvent;
import io.statedesk.core.problem.Text;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads the audit trail for the caller: admins read every event; supervisors read their own actions
 * and what concerns their teams' agents (events about an agent of their teams, and about a change
 * that had one of their teams' agents). The scope is part of every query, so neither the page nor
 * the API can show more.
 *
 * <p>Why keyset paging: the trail grows by millions of rows; "older than (at, id)" reads one page
 * off an index ending in (at, id) however far back it is, where an offset would walk every row
 * before it. An offset is still accepted (a page jumped to directly), over the same index.
 */
@ApplicationScoped
@Transactional // reads in a transaction: Payara's non-transactional entity manager was seen closed
public class AuditTrail {

  /** The largest page the page, the API and the export read at once. */
  public static final int MAX_PAGE = 500;

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject Caller caller;
  @Inject TeamScope teams;

  /**
   * A page of events, newest first.
   *
   * @param after the cursor of the previous page ({@link AuditPage#next()}), or {@code null}
   * @param first with no cursor: how many events to skip
   * @param max 1..{@value #MAX_PAGE}
   */
  public AuditPage page(AuditFilter filter, String after, int first, int max) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    if (max < 1 || max > MAX_PAGE || first < 0) {
      throw new InvalidAuditQueryException("max", Text.of("audit.page.range", MAX_PAGE));
    }
    AuditCursor cursor = after == null || after.isBlank() ? null : AuditCursor.parse(after);
    return read(filter, cursor, cursor == null ? first : 0, max);
  }

  /** Every event of the filter, oldest pages last, in batches (the CSV export streams them). */
  public void each(AuditFilter filter, Consumer<AuditEntry> sink) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    AuditCursor cursor = null;
    do {
      AuditPage page = read(filter, cursor, 0, MAX_PAGE);
      page.entries().forEach(sink);
      AuditEntry last =
          page.entries().isEmpty() ? null : page.entries().get(page.entries().size() - 1);
      cursor = page.next() == null ? null : AuditCursor.of(last.at(), last.id());
      em.clear();
    } while (cursor != null);
  }

  private AuditPage read(AuditFilter filter, AuditCursor cursor, int first, int max) {
    Map<String, Object> params = new HashMap<>();
    List<String> clauses = conditions(filter, params);
    if (cursor != null) {
      clauses.add("(e.at < :cAt or (e.at = :cAt and e.id < :cId))");
      params.put("cAt", cursor.at());
      params.put("cId", cursor.id());
    }
    TypedQuery<AuditEvent> query =
        em.createQuery(
            "select e from AuditEvent e"
                + (clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses))
                + " order by e.at desc, e.id desc",
            AuditEvent.class);
    params.forEach(query::setParameter);
    List<AuditEvent> rows = query.setFirstResult(first).setMaxResults(max + 1).getResultList();
    List<AuditEntry> entries = new ArrayList<>(Math.min(rows.size(), max));
    for (int i = 0; i < rows.size() && i < max; i++) {
      entries.add(AuditEntry.of(rows.get(i)));
    }
    String next = rows.size() > max ? entries.get(max - 1).cursor() : null;
    return new AuditPage(entries, next);
  }

  /** The JPQL conditions of a filter, the caller's scope first. */
  private List<String> conditions(AuditFilter f, Map<String, Object> params) {
    List<String> clauses = new ArrayList<>();
    if (!teams.callerSeesAll()) {
      Set<String> mine = teams.callerTeams();
      params.put("me", caller.name());
      if (mine.isEmpty()) {
        clauses.add("e.actor = :me");
      } else {
        clauses.add(
            "(e.actor = :me"
                + " or e.agentId in (select a.agentId from DirectoryAgent a where a.team in :myTeams)"
                + " or exists (select o.id from BulkOutcome o"
                + " where o.changeId = e.changeId and o.team in :myTeams))");
        params.put("myTeams", mine);
      }
    }
    if (f.actor() != null) {
      clauses.add("e.actor = :actor");
      params.put("actor", f.actor());
    }
    if (f.action() != null) {
      clauses.add("e.action = :action");
      params.put("action", f.action());
    }
    if (f.category() != null) {
      List<String> any = new ArrayList<>();
      int i = 0;
      for (String a : f.category().actions()) {
        String name = "what" + i++;
        if (a.endsWith(".")) {
          any.add("e.action like :" + name);
          params.put(name, a + "%");
        } else {
          any.add("e.action = :" + name);
          params.put(name, a);
        }
      }
      clauses.add("(" + String.join(" or ", any) + ")");
    }
    if (f.from() != null) {
      clauses.add("e.at >= :from");
      params.put("from", f.from());
    }
    if (f.to() != null) {
      clauses.add("e.at < :to");
      params.put("to", f.to());
    }
    if (f.agentId() != null) {
      clauses.add(
          "(e.agentId = :agent or e.changeId in"
              + " (select o2.changeId from BulkOutcome o2 where o2.agentId = :agent))");
      params.put("agent", f.agentId());
    }
    if (f.changeId() != null) {
      clauses.add("e.changeId = :change");
      params.put("change", f.changeId());
    }
    return clauses;
  }
}
