package io.statedesk.core.trail;

import io.statedesk.core.audit.AuditEvent;
import java.time.Instant;

/**
 * One audited event as the page, the API and the export show it. The audit trail holds no Guid,
 * password or token (writers never put one in), so none can reach a reader.
 */
public record AuditEntry(
    long id,
    Instant at,
    String actor,
    String action,
    String subject,
    String detail,
    String sourceIp,
    Integer agentId,
    Long changeId) {

  static AuditEntry of(AuditEvent e) {
    return new AuditEntry(
        e.getId(),
        e.getAt(),
        e.getActor(),
        e.getAction(),
        e.getSubject(),
        e.getDetail(),
        e.getSourceIp(),
        e.getAgentId(),
        e.getChangeId());
  }

  /** The keyset cursor that continues after this entry. */
  public String cursor() {
    return AuditCursor.of(at, id).token();
  }
}
