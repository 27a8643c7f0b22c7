package io.statedesk.core.bulk;

/**
 * What a change's badge says on its page, in the history and in the API: its {@link ChangeStatus},
 * except that a completed change in which some agents did not get their state is not shown as a
 * plain success. Decided here, not on each page, so the page, the history and the API agree.
 */
public enum ChangeHeadline {
  QUEUED,
  RUNNING,
  PAUSED,
  /** Every agent got its state, was already in it, or was skipped on purpose. */
  COMPLETED,
  /** Finished, but some agents failed or had no session: see {@link Counts#problems()}. */
  COMPLETED_WITH_PROBLEMS,
  CANCELLED,
  INTERRUPTED;

  /** The headline of a change in {@code status} with {@code counts}. */
  public static ChangeHeadline of(ChangeStatus status, Counts counts) {
    return switch (status) {
      case QUEUED -> QUEUED;
      case RUNNING -> RUNNING;
      case PAUSED -> PAUSED;
      case COMPLETED -> counts.problems() > 0 ? COMPLETED_WITH_PROBLEMS : COMPLETED;
      case CANCELLED -> CANCELLED;
      case INTERRUPTED -> INTERRUPTED;
    };
  }

  /** Whether the badge warns (amber): finished with problems, cancelled or interrupted. */
  public boolean warns() {
    return this == COMPLETED_WITH_PROBLEMS || this == CANCELLED || this == INTERRUPTED;
  }
}
