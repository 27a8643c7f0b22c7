package io.statedesk.core.bulk;

/** Where a bulk change is in its life. */
public enum ChangeStatus {
  /** Persisted, waiting for an instance to run it. */
  QUEUED,
  /** Calls are being made. */
  RUNNING,
  /** The gateway is unreachable for everyone: no calls until it answers again. */
  PAUSED,
  /** Every agent has its final outcome. */
  COMPLETED,
  /** Cancelled by a user: calls in flight finished, the rest ended as cancelled. */
  CANCELLED,
  /** Stopped by a restart and not resumed (see {@code statedesk.bulk.resume-after-restart}). */
  INTERRUPTED;

  /** Whether nothing will happen to the change any more. */
  public boolean isFinished() {
    return this == COMPLETED || this == CANCELLED || this == INTERRUPTED;
  }
}
