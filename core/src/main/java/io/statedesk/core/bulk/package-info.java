/**
 * Bulk changes: a supervisor sets (or clears) one custom state on many agents at once.
 *
 * <p>Owns the change and its per-agent outcomes (persisted before the first gateway call), the
 * preview, and the engine that runs a change on a bounded pool of managed threads: per agent, get
 * the session handle, call, classify the retcode, retry transient failures with capped jittered
 * backoff, renew a stale handle once, optionally read back. A circuit breaker pauses changes while
 * the gateway is down for everyone; a database lease makes exactly one instance run a change, and
 * after a crash the outcomes left in flight are read back before anything is resent.
 */
package io.statedesk.core.bulk;
