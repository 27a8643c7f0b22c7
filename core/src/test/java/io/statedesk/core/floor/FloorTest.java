package io.statedesk.core.floor;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.directory.AgentCount;
import io.statedesk.core.session.Availability;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The overview's figures from the directory's grouped rows (team, custom state, session). */
class FloorTest {

  static final List<AgentCount> ROWS =
      List.of(
          new AgentCount("Billing", 100, Availability.HOSTED, 3),
          new AgentCount("Billing", 100, Availability.NONE, 1),
          new AgentCount("Billing", 65535, Availability.TAKEN_OVER, 2),
          new AgentCount("Support", 100, Availability.RELAYED, 4),
          new AgentCount("Support", 205, Availability.STALE, 1),
          new AgentCount(null, 205, Availability.HOSTED, 5));

  @Test
  void statesAddUpOverTeamsAndSessionsInCodeOrderNoneSetLast() {
    assertThat(Floor.states(ROWS))
        .containsExactly(
            new Floor.StateCount(100, 8),
            new Floor.StateCount(205, 6),
            new Floor.StateCount(65535, 2));
  }

  @Test
  void eachTeamCountsItsOwnAgentsPerStateAgentsWithoutATeamLast() {
    List<Floor.TeamStates> teams = Floor.teams(ROWS);
    assertThat(teams)
        .extracting(Floor.TeamStates::team)
        .containsExactly("Billing", "Support", null);
    assertThat(teams.get(0).byState()).isEqualTo(Map.of(100, 4L, 65535, 2L));
    assertThat(teams.get(0).agents()).isEqualTo(6);
    assertThat(teams.get(1).agentsIn(205)).isEqualTo(1);
    assertThat(teams.get(1).agentsIn(65535)).isZero();
  }

  @Test
  void sessionsHeldAreHostedOrRelayedStaleCountsAsNone() {
    assertThat(Floor.sessions(ROWS)).isEqualTo(new Floor.Sessions(12, 2, 2));
  }
}
