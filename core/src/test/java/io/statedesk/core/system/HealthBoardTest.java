package io.statedesk.core.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HealthBoardTest {

  @Test
  void gatewayErrorsAreCountedOverTheRecentWindowNotSinceStart() {
    HealthBoard board = new HealthBoard();
    Instant t0 = Instant.parse("2026-12-03T03:00:00Z");
    // until the board has been read for a window, it counts since the console started
    assertThat(board.recentCalls(new HealthBoard.Calls(t0, 40, 100)))
        .isEqualTo(new HealthBoard.Calls(t0, 40, 100));
    HealthBoard.Calls later =
        board.recentCalls(new HealthBoard.Calls(t0.plusSeconds(11 * 60), 45, 200));
    assertThat(later.failed()).isEqualTo(45);
    // the window moved: the next reading counts from 11 minutes on
    HealthBoard.Calls next =
        board.recentCalls(new HealthBoard.Calls(t0.plusSeconds(12 * 60), 46, 210));
    assertThat(next.failed()).isEqualTo(1);
    assertThat(next.all()).isEqualTo(10);
  }

  @Test
  void theGatewayFiguresReadTheWindowWithoutMovingItAndGiveTheMeanTime() {
    HealthBoard board = new HealthBoard();
    Instant t0 = Instant.parse("2026-12-03T03:00:00Z");
    board.recentCalls(new HealthBoard.Calls(t0, 1, 10, 100));
    // 11 minutes on, the finding reads the window since t0 and moves the baseline to now; the
    // gateway figures on the same page still count from t0, as the finding did (not "0 calls")
    HealthBoard.Calls moved = new HealthBoard.Calls(t0.plusSeconds(11 * 60), 2, 100, 1_000);
    board.recentCalls(moved);
    assertThat(board.since(moved)).isEqualTo(new HealthBoard.Calls(moved.at(), 2, 100, 1_000));
    // the next reading counts from the moved baseline, and the figures with it
    HealthBoard.Calls now = new HealthBoard.Calls(t0.plusSeconds(12 * 60), 5, 150, 3_500);
    board.recentCalls(now);
    HealthBoard.Calls recent = board.since(now);
    assertThat(recent).isEqualTo(new HealthBoard.Calls(now.at(), 3, 50, 2_500));
    assertThat(board.since(now)).as("reading twice reads the same window").isEqualTo(recent);
    HealthBoard.GatewayHealth health = new HealthBoard.GatewayHealth(true, "CLOSED", 50, 3, 50);
    assertThat(health.errorRate()).isEqualTo(0.06);
    assertThat(new HealthBoard.GatewayHealth(true, "OPEN", 0, 0, 0).errorRate()).isZero();
  }
}
