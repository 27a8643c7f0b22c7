package io.statedesk.core.gateway;

/** What a retcode means for the caller's next step. */
public enum RetcodeClass {
  /** {@code "0"}. */
  SUCCESS,
  /** The Guid is not (or no longer) valid for this agent: get a fresh session handle, once. */
  STALE_SESSION,
  /** The request itself is wrong (parameter, range, credentials): retrying cannot help. */
  INVALID_REQUEST,
  /** The agent is not in a state that allows the operation (e.g. nothing to cancel). */
  AGENT_STATE,
  /** Momentary trouble at the gateway (switch-over, internal error, repeated call): retry later. */
  TRANSIENT,
  /** Not in the documented table: treat as a permanent failure and report the code. */
  UNKNOWN;

  /** Whether retrying the same call later may succeed. */
  public boolean isRetryable() {
    return this == TRANSIENT;
  }
}
