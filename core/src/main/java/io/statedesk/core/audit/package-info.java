/**
 * The append-only audit trail: sign-ins, user and relay-client changes, catalog edits, bulk
 * changes, relay registrations. Who, what, when (UTC), from where; never a Guid, password or token,
 * and never a CR or LF from user input (log forging).
 */
package io.statedesk.core.audit;
