package io.statedesk.core.session;

/** Who obtained a session handle. */
public enum SessionSource {
  /** The console signed the agent in and keeps the session alive itself. */
  HOSTED,
  /** The agent's desktop (or CTI middleware) pushed its Guid to the relay endpoint. */
  RELAYED
}
