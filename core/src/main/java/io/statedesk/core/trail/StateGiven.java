package io.statedesk.core.trail;

import java.time.Instant;

/**
 * One state a change gave (or meant to give) an agent, for the agent's history.
 *
 * @param changeId the change
 * @param at when the change was made
 * @param by who made it
 * @param kind NEW, RETRY, UNDO, REVERT
 * @param action SET, CLEAR or RESTORE
 * @param target the state code, or {@code null} for none (cleared)
 * @param label the code's label as it was when the change was made ({@code null}: none known)
 * @param colour the code's colour as it was then
 * @param labelToday today's label when it differs from {@code label}, else {@code null}
 * @param outcome the agent's outcome (SUCCEEDED, FAILED, NO_SESSION, SKIPPED, ...)
 * @param finishedAt when the agent's outcome was final
 * @param reason why it ended so (never a Guid)
 */
public record StateGiven(
    long changeId,
    Instant at,
    String by,
    String kind,
    String action,
    Integer target,
    String label,
    String colour,
    String labelToday,
    String outcome,
    Instant finishedAt,
    String reason) {

  /** Whether the code was renamed since the change: then both labels are shown. */
  public boolean renamed() {
    return labelToday != null;
  }
}
