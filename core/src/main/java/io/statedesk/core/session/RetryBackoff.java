package io.statedesk.core.session;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long a hosted agent waits before its next try after a transient failure: capped exponential
 * backoff with full jitter, so that agents that failed together (a gateway restart) do not all come
 * back in the same second.
 *
 * @param min the first delay ({@link PoolSettings#retryMin()})
 * @param max the cap ({@link PoolSettings#retryMax()})
 */
record RetryBackoff(Duration min, Duration max) {

  /** A delay between {@code min / 2} and {@code min / 2 + min(max, min * 2^failures)}. */
  Duration after(int failures) {
    long first = min.toMillis();
    long cap = Math.min(max.toMillis(), first << Math.min(failures, 16));
    return Duration.ofMillis(first / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, cap)));
  }
}
