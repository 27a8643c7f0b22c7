package io.statedesk.core.audit;

/**
 * Every action the audit trail records. Why an enum and not strings at the call sites: the pages
 * label each action in every language and the audit filter groups them by prefix, so the list must
 * be known and complete; a new action is added here, and the web module's test fails until it has
 * its labels. The key is what the database, the API and the CSV export carry.
 */
public enum AuditAction {
  API_TOKEN_CREATED("api.token.created"),
  API_TOKEN_REVOKED("api.token.revoked"),
  AUDIT_PURGED("audit.purged"),
  BULK_CANCEL_REQUESTED("bulk.cancel.requested"),
  BULK_FINISHED("bulk.finished"),
  BULK_SUBMITTED("bulk.submitted"),
  CATALOG_CREATED("catalog.created"),
  CATALOG_DEACTIVATED("catalog.deactivated"),
  CATALOG_DELETED("catalog.deleted"),
  CATALOG_IMPORTED("catalog.imported"),
  CATALOG_RANGE_RELEASED("catalog.range.released"),
  CATALOG_RANGE_RESERVED("catalog.range.reserved"),
  CATALOG_REACTIVATED("catalog.reactivated"),
  CATALOG_UPDATED("catalog.updated"),
  DESIRED_DRIFT("desired.drift"),
  DESIRED_DRIFT_OVERWRITTEN("desired.drift.overwritten"),
  DESIRED_REAPPLIED("desired.reapplied"),
  DESIRED_REAPPLY_FAILED("desired.reapply.failed"),
  DIRECTORY_IMPORTED("directory.imported"),
  DIRECTORY_SYNCED("directory.synced"),
  LOGIN_SUCCEEDED("login.succeeded"),
  LOGIN_THROTTLED("login.throttled"),
  LOGOUT("logout"),
  RELAY_CLIENT_CREATED("relay.client.created"),
  RELAY_CLIENT_REVOKED("relay.client.revoked"),
  RELAY_CLIENT_SCOPED("relay.client.scoped"),
  RELAY_SESSION_REGISTERED("relay.session.registered"),
  RELAY_SESSION_WITHDRAWN("relay.session.withdrawn"),
  SELECTION_DELETED("selection.deleted"),
  SELECTION_SAVED("selection.saved"),
  SCHEDULE_CANCELLED("schedule.cancelled"),
  SCHEDULE_CREATED("schedule.created"),
  SCHEDULE_EDITED("schedule.edited"),
  SCHEDULE_FAILED("schedule.failed"),
  SCHEDULE_REVERTING("schedule.reverting"),
  SCHEDULE_STARTED("schedule.started"),
  USER_CREATED("user.created"),
  USER_DISABLED("user.disabled"),
  USER_ENABLED("user.enabled"),
  USER_PASSWORD_RESET("user.password.reset"),
  USER_ROLES_CHANGED("user.roles.changed"),
  USER_TEAMS_ASSIGNED("user.teams.assigned");

  private final String key;

  AuditAction(String key) {
    this.key = key;
  }

  /** The action as stored and exported: "login.succeeded". */
  public String key() {
    return key;
  }
}
