package io.statedesk.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The share of a cluster-wide rate each live console takes, and its recomputation. */
class SharedRateTest {

  @Test
  void theSharesOfTheLiveConsolesNeverAddUpToMoreThanTheClusterRate() {
    assertThat(SharedRate.share(200, 1)).isEqualTo(200);
    assertThat(SharedRate.share(200, 2)).isEqualTo(100);
    assertThat(SharedRate.share(200, 3)).isEqualTo(66);
    assertThat(SharedRate.share(50, 7)).isEqualTo(7);
    for (int rate = 1; rate <= 300; rate++) {
      for (int consoles = 1; consoles <= rate; consoles++) {
        assertThat(SharedRate.share(rate, consoles) * consoles)
            .as(rate + " per second over " + consoles)
            .isLessThanOrEqualTo(rate)
            .isGreaterThan(rate - consoles);
      }
    }
  }

  @Test
  void moreConsolesThanPermitsStillLetEachOneCall() {
    assertThat(SharedRate.share(3, 5)).isEqualTo(1);
  }

  @Test
  void unlimitedStaysUnlimitedAndNoCountMeansAlone() {
    assertThat(SharedRate.share(0, 4)).isZero();
    assertThat(SharedRate.share(-1, 4)).isZero();
    assertThat(SharedRate.share(120, 0)).isEqualTo(120);
  }

  @Test
  void theShareFollowsTheMembership() throws InterruptedException {
    AtomicInteger live = new AtomicInteger(1);
    SharedRate rate = new SharedRate(1000, live::get, Duration.ofSeconds(5));
    rate.acquirePermit();
    assertThat(rate.perSecond()).isEqualTo(1000);
    live.set(4);
    assertThat(rate.perSecond()).isEqualTo(250);
    rate.acquirePermit();
    live.set(2);
    assertThat(rate.perSecond()).isEqualTo(500);
    assertThat(rate.clusterRate()).isEqualTo(1000);
  }

  @Test
  void anUnlimitedRateNeverWaits() throws InterruptedException {
    SharedRate rate = new SharedRate(0, () -> 3, null);
    for (int i = 0; i < 10_000; i++) {
      rate.acquirePermit();
    }
    assertThat(rate.perSecond()).isZero();
  }
}
