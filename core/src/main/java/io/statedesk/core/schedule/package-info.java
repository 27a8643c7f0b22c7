/**
 * Scheduled changes: a change that starts at a time and optionally reverts at a time (back to what
 * each agent had). Stored in UTC; a console claims a due schedule with a conditional update of its
 * row (the same database lease the bulk engine uses), and the change it makes carries an
 * idempotency key, so a schedule starts and reverts exactly once however many consoles share the
 * database and whatever restarts in between.
 */
package io.statedesk.core.schedule;
