package io.statedesk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryBackoffTest {

  final RetryBackoff backoff = new RetryBackoff(Duration.ofMillis(500), Duration.ofSeconds(30));

  @Test
  void theFirstRetryComesWithinTheFirstDelayAndAHalf() {
    for (int i = 0; i < 200; i++) {
      assertThat(backoff.after(0)).isBetween(Duration.ofMillis(250), Duration.ofMillis(749));
    }
  }

  @Test
  void theDelayGrowsWithFailuresUpToTheCap() {
    for (int i = 0; i < 200; i++) {
      assertThat(backoff.after(3)).isBetween(Duration.ofMillis(250), Duration.ofMillis(4249));
      assertThat(backoff.after(40))
          .isBetween(Duration.ofMillis(250), Duration.ofMillis(250 + 30_000 - 1));
    }
  }

  @Test
  void theDelaysAreSpreadNotAllTheSame() {
    assertThat(IntStream.range(0, 50).mapToObj(i -> backoff.after(10)).distinct().count())
        .isGreaterThan(10);
  }
}
