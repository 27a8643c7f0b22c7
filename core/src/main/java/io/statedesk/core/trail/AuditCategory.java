package io.statedesk.core.trail;

import java.util.List;

/**
 * The "what" of the audit filter: a family of actions. Each is a list of action prefixes (an index
 * range on {@code audit_event.action}) or whole actions.
 */
public enum AuditCategory {
  SIGN_IN("login.", "logout"),
  USERS("user."),
  API_TOKENS("api.token."),
  RELAY("relay."),
  CATALOG("catalog."),
  DIRECTORY("directory."),
  CHANGES("bulk."),
  SCHEDULES("schedule."),
  SELECTIONS("selection."),
  AGENTS("desired."),
  AUDIT("audit.");

  private final List<String> actions;

  AuditCategory(String... actions) {
    this.actions = List.of(actions);
  }

  /** Prefixes end in a dot; the others are whole actions. */
  List<String> actions() {
    return actions;
  }
}
