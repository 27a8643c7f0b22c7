package io.statedesk.core.bulk;

import java.util.Map;

/**
 * A change's outcomes by status; counted as the outcome rows move, in the transactions that move
 * them ({@link ChangeCounters}), so they are what the rows say and add up to the total. {@code
 * held}, {@code reapplied} and {@code drifted} say what happened after the calls: agents whose
 * state still holds, whose state was re-applied after a new session, and whose state was changed
 * outside StateDesk.
 */
public record Counts(
    long pending,
    long inFlight,
    long succeeded,
    long verified,
    long failed,
    long noSession,
    long skipped,
    long cancelled,
    long held,
    long reapplied,
    long drifted) {

  static Counts of(
      Map<OutcomeStatus, Long> byStatus, long verified, long held, long reapplied, long drifted) {
    return new Counts(
        byStatus.getOrDefault(OutcomeStatus.PENDING, 0L),
        byStatus.getOrDefault(OutcomeStatus.IN_FLIGHT, 0L),
        byStatus.getOrDefault(OutcomeStatus.SUCCEEDED, 0L),
        verified,
        byStatus.getOrDefault(OutcomeStatus.FAILED, 0L),
        byStatus.getOrDefault(OutcomeStatus.NO_SESSION, 0L),
        byStatus.getOrDefault(OutcomeStatus.SKIPPED, 0L),
        byStatus.getOrDefault(OutcomeStatus.CANCELLED, 0L),
        held,
        reapplied,
        drifted);
  }

  public long total() {
    return pending + inFlight + succeeded + failed + noSession + skipped + cancelled;
  }

  /** Agents with their final outcome. */
  public long done() {
    return succeeded + failed + noSession + skipped + cancelled;
  }

  /** 0..100. */
  public int percent() {
    long total = total();
    return total == 0 ? 100 : (int) (done() * 100 / total);
  }

  /**
   * Agents that did not get their state: failed or without a session. Skipped agents (already in
   * the state, out of scope) are not problems of the change.
   */
  public long problems() {
    return failed + noSession;
  }

  /** Agents a "retry" would take up again. */
  public long retryable() {
    return failed + noSession;
  }
}
