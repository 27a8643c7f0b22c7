package io.statedesk.core.bulk;

/** What the preview expects for one agent. */
public enum Verdict {
  /** Will be called. */
  WILL_CHANGE,
  /** A read-back in the agent's current session found it in that state already: skipped. */
  ALREADY_IN_STATE,
  /** No usable session now: will be tried, and end as "no session" unless one appears. */
  NO_SESSION,
  /** Unknown, or not in the caller's teams: skipped. */
  OUT_OF_SCOPE,
  /** The code is limited to teams and the agent's team is not one of them: skipped (refused). */
  CODE_NOT_OFFERED,
  /** Not a gateway agent id (101..999999): skipped. */
  INVALID_ID,
  /** Undo or revert: a later change set the agent's desired state since; left alone. */
  CHANGED_SINCE,
  /** Undo or revert: the change never took effect on the agent, or what it had is unknown. */
  NOTHING_TO_RESTORE
}
