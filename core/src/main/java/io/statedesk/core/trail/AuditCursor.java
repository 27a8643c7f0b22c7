package io.statedesk.core.trail;

import io.statedesk.core.problem.Text;
import java.time.DateTimeException;
import java.time.Instant;

/**
 * Where a page of the audit trail ends, for keyset paging: the next page is every event older than
 * (at, id), newest first, read straight off the index that ends in (at, id) however deep the page.
 * Written as {@code seconds.nanos.id}, opaque to callers.
 */
record AuditCursor(Instant at, long id) {

  static AuditCursor of(Instant at, long id) {
    return new AuditCursor(at, id);
  }

  String token() {
    return at.getEpochSecond() + "." + at.getNano() + "." + id;
  }

  /**
   * Reads a token.
   *
   * @throws InvalidAuditQueryException if it is not one this class wrote
   */
  static AuditCursor parse(String token) {
    String[] parts = token.strip().split("\\.");
    try {
      if (parts.length == 3) {
        long nanos = Long.parseLong(parts[1]);
        if (nanos >= 0 && nanos < 1_000_000_000L) {
          return new AuditCursor(
              Instant.ofEpochSecond(Long.parseLong(parts[0]), nanos), Long.parseLong(parts[2]));
        }
      }
    } catch (NumberFormatException | DateTimeException e) {
      // refused below
    }
    throw new InvalidAuditQueryException("after", Text.of("audit.cursor.invalid"));
  }
}
