package io.statedesk.core.directory;

import java.time.Instant;

/**
 * The gateway sync as an admin needs to see it: whether it is configured, with which account and
 * how often, when it runs next, and what its last attempt and its last success did. The console
 * keeps no history of syncs beyond these two (the audit log has every one that changed something).
 *
 * @param enabled {@code statedesk.directory.sync-enabled}
 * @param account the directory account's agent id
 * @param everyMinutes the interval between scheduled syncs
 * @param readsSkills whether a sync also reads each agent's skills
 * @param nextRun when the next scheduled sync starts; {@code null} when none is scheduled
 * @param runningSince when the sync that is running now started; {@code null} when none runs
 * @param lastAttempt the last sync, successful or not; {@code null} before the first
 * @param lastSuccess the last successful sync; {@code null} before the first
 */
public record SyncStatus(
    boolean enabled,
    int account,
    int everyMinutes,
    boolean readsSkills,
    Instant nextRun,
    Instant runningSince,
    Attempt lastAttempt,
    Attempt lastSuccess) {

  /**
   * One sync.
   *
   * @param at when it ended
   * @param actor who started it: {@code system} for the schedule, else the admin's name
   * @param result the counts; {@code null} if it failed
   * @param failure why it failed, fit to show to an admin; {@code null} if it succeeded
   */
  public record Attempt(Instant at, String actor, SyncResult result, String failure) {

    public boolean succeeded() {
      return failure == null;
    }
  }
}
