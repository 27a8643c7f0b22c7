package io.statedesk.core.security;

/** The console's roles. Names are the group names that Jakarta Security maps to roles. */
public enum Role {
  /** Maintains the catalog, users, teams and relay clients. */
  ADMIN,
  /** Sets custom states on the agents of their teams. */
  SUPERVISOR,
  /** A machine client of the session relay (a desktop or CTI middleware), token-authenticated. */
  RELAY
}
