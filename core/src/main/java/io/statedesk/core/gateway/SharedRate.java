package io.statedesk.core.gateway;

import dev.failsafe.RateLimiter;
import java.time.Duration;
import java.util.function.IntSupplier;

/**
 * A gateway rate (sign-ins or calls per second) configured for the whole cluster, of which this
 * console uses its share: {@code rate / live consoles}, rounded down, at least 1.
 *
 * <p>Why a share rather than a limiter in the database: the gateway's allowance is a rate, and each
 * console already knows how many consoles are alive from the membership heartbeat it keeps (issue
 * 19); dividing costs no database round trip per call, where a shared token bucket in the database
 * would cost one per call (thousands a second) and stop every call while the database is slow.
 * Rounding down keeps the sum at or below the configured rate. The share is recomputed on the first
 * permit after the membership changes, by building a new Failsafe limiter (its rate is fixed once
 * built). What it cannot do: for up to one heartbeat after a console joins, the others still use
 * their old, larger share (the sum may exceed the rate by one share for that long); a dead console
 * is counted until its heartbeat expires (the others run below the rate meanwhile).
 */
public final class SharedRate {

  private final int clusterRate;
  private final IntSupplier consoles;
  private final Duration maxWait;
  private int sharedBy;
  private RateLimiter<Object> limiter;

  /**
   * @param clusterRate permits per second for the whole cluster; 0 or less = unlimited
   * @param consoles how many consoles share it now (the live members; 1 when alone)
   * @param maxWait longest wait for one permit, or {@code null} for no bound
   */
  public SharedRate(int clusterRate, IntSupplier consoles, Duration maxWait) {
    this.clusterRate = clusterRate;
    this.consoles = consoles;
    this.maxWait = maxWait;
  }

  /** This console's share of {@code clusterRate} among {@code consoles} (0 = unlimited). */
  public static int share(int clusterRate, int consoles) {
    if (clusterRate <= 0) {
      return 0;
    }
    return Math.max(1, clusterRate / Math.max(1, consoles));
  }

  /** The rate for the whole cluster (0 = unlimited). */
  public int clusterRate() {
    return clusterRate;
  }

  /** This console's share now, per second (0 = unlimited). */
  public int perSecond() {
    return share(clusterRate, consoles.getAsInt());
  }

  /** Waits for this console's next permit; returns at once when unlimited. */
  public void acquirePermit() throws InterruptedException {
    RateLimiter<Object> now = current();
    if (now != null) {
      now.acquirePermit();
    }
  }

  private synchronized RateLimiter<Object> current() {
    if (clusterRate <= 0) {
      return null;
    }
    int n = Math.max(1, consoles.getAsInt());
    if (limiter == null || n != sharedBy) {
      var builder = RateLimiter.smoothBuilder(share(clusterRate, n), Duration.ofSeconds(1));
      if (maxWait != null) {
        builder.withMaxWaitTime(maxWait);
      }
      limiter = builder.build();
      sharedBy = n;
    }
    return limiter;
  }
}
