package io.statedesk.core.bulk;

/** What the preview expects for one agent. */
public enum Verdict {
  /** Will be called. */
  WILL_CHANGE,
  /** The directory knows the agent is in that state already: skipped. */
  ALREADY_IN_STATE,
  /** No usable session now: will be tried, and end as "no session" unless one appears. */
  NO_SESSION,
  /** Unknown, or not in the caller's teams: skipped. */
  OUT_OF_SCOPE,
  /** Not a gateway agent id (101..999999): skipped. */
  INVALID_ID
}
