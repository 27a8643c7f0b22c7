package io.statedesk.core.bulk;

import io.statedesk.core.bulk.BulkExceptions.ChangeNotFoundException;
import io.statedesk.core.catalog.StateCode;
import io.statedesk.core.directory.AgentDirectory;
import io.statedesk.core.problem.Text;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * The changes the scheduler makes, for a schedule's creator and without a caller: the creator's
 * authority was checked when the schedule was made, and the agents were fixed then. Each is made at
 * most once per idempotency key, whatever restarts or other consoles do meanwhile.
 */
@ApplicationScoped
public class ScheduledChanges {

  @Inject BulkStore store;
  @Inject BulkSettings settings;
  @Inject AgentDirectory directory;
  @Inject ChangePlanner planner;
  @Inject RestorePlanner restorer;
  @Inject ChangeMaker maker;

  /**
   * Starts a scheduled change for its creator {@code by}, whose authority was checked when it was
   * scheduled; at most once per {@code key}. Agents no longer in the directory are skipped.
   *
   * @param agents the schedule's agent ids as saved (a number that is not one is planned as {@link
   *     Verdict#INVALID_ID})
   * @param code the schedule's code as saved, {@code null} for a clear: read into a {@link
   *     StateTarget} here, where the saved row meets the engine
   * @return the change's id
   */
  public long startScheduled(
      String by, List<Integer> agents, Integer code, String note, String key, Instant until) {
    Optional<BulkChange> made = store.findByKey(by, key);
    if (made.isPresent()) {
      return made.get().getId();
    }
    StateCode state =
        code == null
            ? null
            : store
                .stateCode(code)
                .orElseThrow(
                    () ->
                        new BulkExceptions.InvalidChangeException(
                            "code", Text.of("schedule.code.gone", code)));
    Plan plan = planner.planRequested(StateTarget.ofColumn(code), state, agents, directory::known);
    return makeFor(
        plan,
        new ChangeMaker.Making(by, ChangeKind.NEW, null, note, key, settings.verify(), until));
  }

  /** Reverts a scheduled change's change for its creator, at most once per {@code key}. */
  public long revertScheduled(String by, long changeId, String key) {
    Optional<BulkChange> made = store.findByKey(by, key);
    if (made.isPresent()) {
      return made.get().getId();
    }
    BulkChange origin =
        store.find(changeId).orElseThrow(() -> new ChangeNotFoundException(changeId));
    Plan plan = restorer.plan(origin, directory::known);
    return makeFor(
        plan,
        new ChangeMaker.Making(
            by,
            ChangeKind.REVERT,
            changeId,
            BulkChanges.restoreNote("Scheduled revert", changeId, plan),
            key,
            origin.isVerify(),
            null));
  }

  /** Whether a change has ended, for the scheduler (no caller). */
  public boolean finishedForSystem(long id) {
    return store.find(id).map(c -> c.getStatus().isFinished()).orElse(true);
  }

  private long makeFor(Plan plan, ChangeMaker.Making making) {
    try {
      return maker.make(plan, making).getId();
    } catch (RuntimeException e) {
      return store.findByKey(making.by(), making.key()).map(BulkChange::getId).orElseThrow(() -> e);
    }
  }
}
