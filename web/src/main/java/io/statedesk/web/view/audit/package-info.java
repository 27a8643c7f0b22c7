/**
 * Backing beans of the audit pages: the audit trail (filters, keyset paging, CSV export) and one
 * agent's history. They hold the page's state only; core's {@code trail} package scopes and reads.
 */
package io.statedesk.web.view.audit;
