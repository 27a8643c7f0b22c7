package io.statedesk.core.session;

import dev.failsafe.RateLimiter;
import java.time.Duration;

/**
 * The one rate limit every hosted sign-in passes, at start and after any loss: after a gateway
 * outage thousands of sessions end at once, and signing them all in at the same instant would be
 * the next outage. Blocks the sign-in thread (never a poll or timer thread) until a permit is due.
 */
@FunctionalInterface
public interface SignInThrottle {

  /** Waits for the next permit. */
  void acquire() throws InterruptedException;

  /**
   * Failsafe's smooth rate limiter: permits spread evenly over each second rather than in bursts (a
   * well-kept library instead of hand-written pacing; already used by bulk changes).
   */
  static SignInThrottle perSecond(int rate) {
    RateLimiter<Object> limiter = RateLimiter.smoothBuilder(rate, Duration.ofSeconds(1)).build();
    return limiter::acquirePermit;
  }
}
