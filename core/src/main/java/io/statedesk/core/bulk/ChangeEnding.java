package io.statedesk.core.bulk;

import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * How a change ends, whichever way (completed, cancelled, interrupted by a restart): its final
 * status with a summary of its counts, one audit entry by "system", and one log line. Only the
 * console leading the change ends it.
 */
@ApplicationScoped
class ChangeEnding {

  private static final Logger LOG = Logger.getLogger(ChangeEnding.class.getName());

  @Inject BulkStore store;
  @Inject AuditLog audit;

  /**
   * Ends change {@code id} with {@code status}; {@code detail} (or null) comes before the summary.
   */
  void finish(long id, ChangeStatus status, String detail) {
    String summary = summary(store.counts(id));
    store.status(id, status, detail == null ? summary : detail + ". " + summary);
    audit.record(
        "system", AuditAction.BULK_FINISHED, "change " + id, status + ": " + summary, null);
    LOG.info("Bulk change " + id + " " + status.name().toLowerCase() + ": " + summary);
  }

  /** The counts for people: what the change page, the audit trail and the log say at the end. */
  static String summary(Counts c) {
    return c.succeeded()
        + " succeeded ("
        + c.verified()
        + " verified), "
        + c.failed()
        + " failed, "
        + c.noSession()
        + " no session, "
        + c.skipped()
        + " skipped, "
        + c.cancelled()
        + " cancelled";
  }
}
