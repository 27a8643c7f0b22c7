package io.statedesk.core.bulk;

/** Where one agent of a bulk change stands. Every agent ends in exactly one final status. */
public enum OutcomeStatus {
  /** Not yet taken up. */
  PENDING(false),
  /** Taken up by the engine; a gateway call may have been sent. */
  IN_FLIGHT(false),
  /** The gateway accepted the change (verified when read back). */
  SUCCEEDED(true),
  /** The gateway refused it, or it could not be reached within the retry budget. */
  FAILED(true),
  /** The console holds no usable session for the agent. */
  NO_SESSION(true),
  /** Nothing to do or not allowed: already in that state, not one of the caller's agents. */
  SKIPPED(true),
  /** The change was cancelled before this agent was called. */
  CANCELLED(true);

  private final boolean last;

  OutcomeStatus(boolean last) {
    this.last = last;
  }

  /** Whether this is the agent's final outcome. */
  public boolean isFinal() {
    return last;
  }
}
