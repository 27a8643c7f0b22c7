package io.statedesk.core.bulk;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The lists of changes a user sees: the history (filtered, paged), the changes still open, and
 * those with failed agents (the overview). Apart from {@link BulkChanges}, which acts on one
 * change, because these read many and share none of its steps. The same rule of who sees what:
 * supervisors see the changes they made or that touched their teams, admins see all; checked here,
 * whatever page or API asks.
 */
@ApplicationScoped
public class ChangeHistory {

  @Inject Caller caller;
  @Inject TeamScope teams;
  @Inject ChangeQueries queries;
  @Inject BulkChanges changes;

  /** A page of the changes the caller may see, newest first. */
  public List<ChangeView> history(HistoryFilter filter, int first, int max) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    List<ChangeView> views = new ArrayList<>();
    for (BulkChange c :
        queries.history(filter, historyUser(), teams.callerTeams(), first, Math.min(max, 500))) {
      views.add(changes.view(c));
    }
    return views;
  }

  /** How many changes {@link #history} lists under {@code filter}. */
  public long countHistory(HistoryFilter filter) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    return queries.countHistory(filter, historyUser(), teams.callerTeams());
  }

  /** The changes the caller may see that have not finished (queued, running, paused). */
  public List<ChangeView> open(int max) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    List<ChangeView> views = new ArrayList<>();
    for (BulkChange c : queries.open(historyUser(), teams.callerTeams(), Math.min(max, 100))) {
      views.add(changes.view(c));
    }
    return views;
  }

  /**
   * The caller's changes with agents that failed since {@code since}, with how many (of the agents
   * the caller may see), newest change first.
   */
  public List<FailedChange> failedSince(Instant since, int max) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    return queries.failedSince(since, historyUser(), teams.callerTeams(), Math.min(max, 100));
  }

  /** The user whose changes a supervisor sees beside their teams'; null for an admin (all). */
  private String historyUser() {
    return teams.callerSeesAll() ? null : caller.name();
  }
}
