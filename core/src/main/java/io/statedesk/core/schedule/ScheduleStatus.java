package io.statedesk.core.schedule;

/** Where a scheduled change is in its life. */
public enum ScheduleStatus {
  /** Waiting for its start; editable and cancellable. */
  SCHEDULED,
  /** Its change was made; waiting for the revert (if any) or for the change to end. */
  RUNNING,
  /** Its revert change was made and is running. */
  REVERTING,
  /** Started (and reverted, if asked) and ended. */
  DONE,
  /** Cancelled before it started. */
  CANCELLED,
  /** Could not start or revert (the reason is in the detail). */
  FAILED;

  public boolean isOpen() {
    return this == SCHEDULED || this == RUNNING || this == REVERTING;
  }
}
