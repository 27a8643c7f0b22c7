package io.statedesk.core.session;

/** Whether the console can act for an agent right now. */
public enum Availability {
  /** A live hosted session. */
  HOSTED,
  /** A relayed Guid, not known to be stale. */
  RELAYED,
  /** No session at all (not hosted, nothing relayed, or hosted sign-in refused). */
  NONE,
  /** There was a handle, but the gateway no longer accepts it. */
  STALE,
  /**
   * Somebody else holds the agent's session (a desktop signed in, or the gateway refused ours with
   * 100-002 while force is off): the console does not override it and retries on its cadence.
   */
  TAKEN_OVER
}
