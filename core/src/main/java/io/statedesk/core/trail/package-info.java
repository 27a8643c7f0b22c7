/**
 * Reading the audit trail: the audit page, {@code GET /api/audit}, its CSV export, an agent's
 * history, and the retention purge. Why a package of its own above {@code audit}: who may read
 * which events depends on features (a supervisor sees what concerns their teams' agents: the
 * directory's teams and the changes' outcomes), and {@code audit}, which every feature writes to,
 * must know none of them.
 */
package io.statedesk.core.trail;
