package io.statedesk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failsafe.CircuitBreaker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When the leading console shows its change paused and running again. */
class RunStatusTest {

  record Shown(ChangeStatus status, String detail) {}

  final List<Shown> shown = new ArrayList<>();
  final CircuitBreaker<Object> breaker = AgentCallTest.breaker(20, Duration.ofMinutes(1));
  final RunStatus status = new RunStatus(breaker, 20, (s, d) -> shown.add(new Shown(s, d)));

  @Test
  void aChangeIsPausedOnlyWhileTheBreakerIsOpenAndOneOfItsCallsWaited() {
    status.update();
    breaker.open();
    status.update();
    assertThat(shown).as("open, but none of the change's calls waited").isEmpty();
    status.paused();
    status.update();
    status.update();
    assertThat(shown).hasSize(1);
    assertThat(shown.get(0).status()).isEqualTo(ChangeStatus.PAUSED);
    assertThat(shown.get(0).detail()).contains("20 calls in a row failed");
  }

  @Test
  void aPausedChangeRunsAgainOnceTheBreakerCloses() {
    breaker.open();
    status.paused();
    status.update();
    breaker.close();
    status.update();
    status.update();
    assertThat(shown)
        .extracting(Shown::status)
        .containsExactly(ChangeStatus.PAUSED, ChangeStatus.RUNNING);
    assertThat(shown.get(1).detail()).isEqualTo("Resumed: the gateway answers again");
    breaker.open();
    status.update();
    assertThat(shown).as("the pause was over: a new one needs a call that waits").hasSize(2);
  }
}
