package io.statedesk.core.floor;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.bulk.ChangeHistory;
import io.statedesk.core.directory.AgentCount;
import io.statedesk.core.directory.AgentDirectory;
import io.statedesk.core.schedule.ScheduleStatus;
import io.statedesk.core.schedule.ScheduleView;
import io.statedesk.core.schedule.Schedules;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import io.statedesk.core.system.HealthBoard;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Reads the overview's figures for the caller from the services that own them; each of those checks
 * and scopes the caller (a supervisor counts their teams' agents, and sees their own and their
 * teams' changes), so this class adds no rule of its own about who sees what.
 *
 * <p>Why one service rather than the page asking each: the page then makes one call, the figures
 * are counted by the database (one grouped query over the directory, one over recent failures)
 * whatever the size of the floor, and the API could serve the same summary.
 */
@ApplicationScoped
public class FloorSummary {

  /** How far back the overview lists failures. */
  static final Duration FAILURES = Duration.ofHours(24);

  /** How many open changes, schedules and failed changes the overview lists at most. */
  static final int LISTED = 10;

  @Inject Caller caller;
  @Inject TeamScope teams;
  @Inject AgentDirectory directory;
  @Inject ChangeHistory history;
  @Inject Schedules schedules;
  @Inject HealthBoard health;

  /**
   * The caller's floor now.
   *
   * @throws io.statedesk.core.security.AccessDeniedException unless a supervisor or an admin
   */
  public Floor now() {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    List<AgentCount> rows = directory.countsByTeamStateAndSession();
    List<ScheduleView> waiting =
        schedules.list(true).stream().filter(s -> s.status() == ScheduleStatus.SCHEDULED).toList();
    return new Floor(
        Floor.states(rows),
        teams.callerSeesAll() ? List.of() : Floor.teams(rows),
        Floor.sessions(rows),
        history.open(LISTED),
        waiting.subList(0, Math.min(LISTED, waiting.size())),
        waiting.size(),
        history.failedSince(Instant.now().minus(FAILURES), LISTED),
        caller.has(Role.ADMIN) ? health.gatewayHealth() : null);
  }
}
