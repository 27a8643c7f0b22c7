package io.statedesk.core.trail;

import java.time.Instant;

/**
 * What the audit page and API filter on; every field may be {@code null} (no condition).
 *
 * @param actor who did it, exactly (a user, a relay client, "system", "ldap")
 * @param category the family of actions
 * @param action one action exactly, e.g. {@code catalog.updated}
 * @param from from this instant on (inclusive)
 * @param to before this instant (exclusive)
 * @param agentId events about this agent, and the changes that included it
 * @param changeId events about this change
 */
public record AuditFilter(
    String actor,
    AuditCategory category,
    String action,
    Instant from,
    Instant to,
    Integer agentId,
    Long changeId) {

  /** No condition: every event the caller may see. */
  public static AuditFilter none() {
    return new AuditFilter(null, null, null, null, null, null, null);
  }

  public AuditFilter {
    actor = actor == null || actor.isBlank() ? null : actor.strip();
    action = action == null || action.isBlank() ? null : action.strip();
  }
}
