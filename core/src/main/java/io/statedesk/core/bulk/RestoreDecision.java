package io.statedesk.core.bulk;

import io.statedesk.core.desired.Desired;
import io.statedesk.core.gateway.CustomState;
import java.util.Optional;

/**
 * What an undo or a scheduled revert does to one agent of the origin change: give back a state, or
 * leave the agent alone and say why. Why a type of its own: the rule (only agents whose desired
 * state is still the origin change's get anything back; the desired state below it resumes, or else
 * the state the agent had before) was a branch inside {@link RestorePlanner}'s database loop, and
 * so testable only through a deployment; here it is a function of the agent's facts.
 */
sealed interface RestoreDecision {

  /** Set (or clear) the agent back to {@code target}. */
  record Restore(StateTarget target) implements RestoreDecision {}

  /** Leave the agent as it is; the undo lists it, skipped, with {@code reason}. */
  record LeaveAlone(Verdict verdict, String reason) implements RestoreDecision {}

  /**
   * What the origin change's outcome row says about the agent.
   *
   * @param previous the custom state before the change, {@code null} for none (when known)
   */
  record Outcome(OutcomeStatus status, boolean previousKnown, Integer previous) {
    static Outcome of(BulkOutcome o) {
      return new Outcome(o.getStatus(), o.isPreviousKnown(), o.getPreviousState());
    }
  }

  /**
   * The decision for one agent of change {@code changeId}.
   *
   * @param top the agent's desired state now (its newest layer), or {@code null}
   * @param below the layer that resumes when the change's layer goes, or {@code null}
   * @param outcome the agent's outcome in the change, or {@code null}
   * @return empty when the agent is no part of the restore at all (no desired state, or no outcome
   *     in the change): it is neither called nor listed
   */
  static Optional<RestoreDecision> decide(
      long changeId, Desired top, Desired below, Outcome outcome) {
    if (top == null || outcome == null) {
      return Optional.empty();
    }
    if (top.changeId() != changeId) {
      return Optional.of(
          new LeaveAlone(
              Verdict.CHANGED_SINCE,
              "Changed since by change "
                  + top.changeId()
                  + " ("
                  + (top.code() == null ? "cleared" : "state " + top.code())
                  + ", by "
                  + top.setBy()
                  + "): left alone"));
    }
    if (outcome.status() != OutcomeStatus.SUCCEEDED && outcome.status() != OutcomeStatus.SKIPPED) {
      return Optional.of(
          new LeaveAlone(
              Verdict.NOTHING_TO_RESTORE,
              "Change " + changeId + " did not take effect on this agent: nothing to restore"));
    }
    if (below != null) {
      return Optional.of(new Restore(StateTarget.ofColumn(below.code())));
    }
    if (outcome.previousKnown()) {
      Integer previous = outcome.previous();
      if (previous != null && !CustomState.isValid(previous)) {
        // read from a gateway that broke its own range: it would refuse the call anyway
        return Optional.of(
            new LeaveAlone(
                Verdict.NOTHING_TO_RESTORE,
                "The state before the change ("
                    + previous
                    + ") is not a custom state the gateway takes ("
                    + CustomState.RANGE
                    + "), so it is not restored"));
      }
      return Optional.of(new Restore(StateTarget.ofColumn(previous)));
    }
    return Optional.of(
        new LeaveAlone(
            Verdict.NOTHING_TO_RESTORE,
            "The state before the change is not known, so it is not restored"));
  }
}
