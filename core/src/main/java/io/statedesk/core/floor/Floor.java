package io.statedesk.core.floor;

import io.statedesk.core.bulk.ChangeView;
import io.statedesk.core.bulk.FailedChange;
import io.statedesk.core.directory.AgentCount;
import io.statedesk.core.schedule.ScheduleView;
import io.statedesk.core.session.Availability;
import io.statedesk.core.system.HealthBoard.GatewayHealth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The overview's figures for one caller, read together.
 *
 * @param states agents per custom state, by code ({@code 65535} = none set)
 * @param teams per team, its agents per custom state (supervisors; empty for admins, who see the
 *     whole floor in {@code states})
 * @param sessions the agents' sessions
 * @param open changes queued, running or paused, oldest first
 * @param scheduled schedules that have not started, soonest first (at most a few)
 * @param scheduledCount how many have not started
 * @param failures changes with agents failed in the last 24 hours, newest first
 * @param gateway the gateway's health (admins), or {@code null}
 */
public record Floor(
    List<StateCount> states,
    List<TeamStates> teams,
    Sessions sessions,
    List<ChangeView> open,
    List<ScheduleView> scheduled,
    long scheduledCount,
    List<FailedChange> failures,
    GatewayHealth gateway) {

  public Floor {
    states = List.copyOf(states);
    teams = List.copyOf(teams);
    open = List.copyOf(open);
    scheduled = List.copyOf(scheduled);
    failures = List.copyOf(failures);
  }

  /** How many agents are in one custom state. */
  public record StateCount(int code, long agents) {}

  /** One team's agents per custom state. */
  public record TeamStates(String team, long agents, Map<Integer, Long> byState) {

    public TeamStates {
      byState = Map.copyOf(byState);
    }

    /** How many of the team's agents are in {@code code} (0 when none). */
    public long agentsIn(int code) {
      return byState.getOrDefault(code, 0L);
    }
  }

  /**
   * The agents' sessions.
   *
   * @param held the console can act for them (a hosted session or a relayed Guid)
   * @param takenOver someone else holds their session (a desktop signed in)
   * @param none no usable session (none, or one the gateway no longer accepts)
   */
  public record Sessions(long held, long takenOver, long none) {}

  /** All agents counted in {@link #states}. */
  public long agents() {
    return states.stream().mapToLong(StateCount::agents).sum();
  }

  /** Agents per custom state, codes in ascending order (none set last: 65535). */
  static List<StateCount> states(Collection<AgentCount> rows) {
    Map<Integer, Long> byCode = new TreeMap<>();
    rows.forEach(r -> byCode.merge(r.customState(), r.agents(), Long::sum));
    List<StateCount> states = new ArrayList<>();
    byCode.forEach((code, n) -> states.add(new StateCount(code, n)));
    return states;
  }

  /** Per team (by name; agents without a team under {@code null}, last), agents per state. */
  static List<TeamStates> teams(Collection<AgentCount> rows) {
    Map<String, Map<Integer, Long>> byTeam =
        new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
    for (AgentCount r : rows) {
      byTeam
          .computeIfAbsent(r.team(), t -> new TreeMap<>())
          .merge(r.customState(), r.agents(), Long::sum);
    }
    List<TeamStates> teams = new ArrayList<>();
    byTeam.forEach(
        (team, states) ->
            teams.add(
                new TeamStates(
                    team, states.values().stream().mapToLong(Long::longValue).sum(), states)));
    return teams;
  }

  /** Sessions held, taken over and none, from the directory's session availability. */
  static Sessions sessions(Collection<AgentCount> rows) {
    long held = 0;
    long takenOver = 0;
    long none = 0;
    for (AgentCount r : rows) {
      if (r.session().isLive()) {
        held += r.agents();
      } else if (r.session() == Availability.TAKEN_OVER) {
        takenOver += r.agents();
      } else {
        none += r.agents();
      }
    }
    return new Sessions(held, takenOver, none);
  }
}
