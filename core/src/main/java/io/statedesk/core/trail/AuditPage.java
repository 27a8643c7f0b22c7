package io.statedesk.core.trail;

import java.util.List;

/**
 * One page of the audit trail, newest first.
 *
 * @param entries the events
 * @param next the cursor of the next (older) page, or {@code null} when this is the last
 */
public record AuditPage(List<AuditEntry> entries, String next) {}
