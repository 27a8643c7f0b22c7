package io.statedesk.core.bulk;

/**
 * A change moved on: results were recorded, its status changed, or its pending outcomes were ended.
 * Fired inside the transaction that wrote it (or right after it, where the writer is not
 * transactional).
 *
 * <p>Why it exists: the change page shows progress as the console learns it, pushed rather than
 * polled. Core has no UI, so it only names the change; the web module observes this after the
 * commit, asks {@link ChangeAudience#seeing} who may see the change, and tells those pages to
 * re-read through the normal, scoped queries. Bursts (a result every few milliseconds during a
 * large change) are coalesced by the observer.
 *
 * @param changeId the change
 */
public record ChangeProgressed(long changeId) {}
