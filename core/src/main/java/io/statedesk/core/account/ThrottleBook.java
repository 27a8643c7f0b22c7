package io.statedesk.core.account;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per key (a user name, or an address) and says when a key is locked out:
 * after {@code maxFailures} failures within {@code window}, the key is refused for {@code lockout},
 * doubling with every further lockout up to {@code maxLockout}. A success clears the key.
 *
 * <p>In memory and per instance on purpose: it slows a guessing attack down without a database
 * write per attempt; a cluster multiplies the allowance by its size, which the operator guide
 * states.
 */
public final class ThrottleBook {

  /** The answer for one attempt: allowed, or refused for {@code retryAfter}. */
  public record Decision(boolean allowed, Duration retryAfter) {
    static final Decision ALLOW = new Decision(true, Duration.ZERO);
  }

  private static final class Entry {
    int failures;
    Instant firstFailure;
    Instant lockedUntil = Instant.EPOCH;
    int lockouts;
  }

  private final int maxFailures;
  private final Duration window;
  private final Duration lockout;
  private final Duration maxLockout;
  private final Clock clock;
  private final Map<String, Entry> entries = new ConcurrentHashMap<>();

  public ThrottleBook(
      int maxFailures, Duration window, Duration lockout, Duration maxLockout, Clock clock) {
    this.maxFailures = maxFailures;
    this.window = window;
    this.lockout = lockout;
    this.maxLockout = maxLockout;
    this.clock = clock;
  }

  static String key(String raw) {
    return raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
  }

  /** Whether an attempt for {@code key} may be checked at all now. */
  public Decision check(String raw) {
    Entry e = entries.get(key(raw));
    if (e == null) {
      return Decision.ALLOW;
    }
    synchronized (e) {
      Instant now = clock.instant();
      return now.isBefore(e.lockedUntil)
          ? new Decision(false, Duration.between(now, e.lockedUntil).plusMillis(999).withNanos(0))
          : Decision.ALLOW;
    }
  }

  /**
   * Records a failure.
   *
   * @return the lockout it started, or {@link Duration#ZERO} if it started none
   */
  public Duration failed(String raw) {
    Entry e = entries.computeIfAbsent(key(raw), k -> new Entry());
    synchronized (e) {
      Instant now = clock.instant();
      if (e.firstFailure == null || now.isAfter(e.firstFailure.plus(window))) {
        e.failures = 0;
        e.firstFailure = now;
      }
      e.failures++;
      if (e.failures >= maxFailures) {
        Duration length = lockout.multipliedBy(1L << Math.min(e.lockouts, 20));
        if (length.compareTo(maxLockout) > 0) {
          length = maxLockout;
        }
        e.lockouts++;
        e.failures = 0;
        e.firstFailure = null;
        e.lockedUntil = now.plus(length);
        return length;
      }
      return Duration.ZERO;
    }
  }

  /** A success: the key starts afresh. */
  public void succeeded(String raw) {
    entries.remove(key(raw));
  }

  /** Forgets keys with nothing to remember (no lockout running, window passed). */
  public void prune() {
    Instant now = clock.instant();
    entries
        .values()
        .removeIf(
            e -> {
              synchronized (e) {
                return !now.isBefore(e.lockedUntil)
                    && (e.firstFailure == null || now.isAfter(e.firstFailure.plus(window)))
                    && now.isAfter(e.lockedUntil.plus(maxLockout));
              }
            });
  }
}
