package io.statedesk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.bulk.RestoreDecision.LeaveAlone;
import io.statedesk.core.bulk.RestoreDecision.Outcome;
import io.statedesk.core.bulk.RestoreDecision.Restore;
import io.statedesk.core.desired.Desired;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What an undo or a scheduled revert gives each agent back, branch by branch. */
class RestoreDecisionTest {

  static final long CHANGE = 40;
  static final Instant AT = Instant.parse("2026-12-04T10:00:00Z");

  /** The agent's layer of change {@code changeId}. */
  static Desired layer(long changeId, Integer code, String by) {
    return new Desired(10001, code, changeId, by, AT, null);
  }

  static final Desired OURS = layer(CHANGE, 120, "alice");
  static final Outcome SUCCEEDED_FROM_7 = new Outcome(OutcomeStatus.SUCCEEDED, true, 7);

  static Optional<RestoreDecision> decide(Desired top, Desired below, Outcome outcome) {
    return RestoreDecision.decide(CHANGE, top, below, outcome);
  }

  @Test
  void anAgentWithoutADesiredStateOrAnOutcomeIsNoPartOfTheRestore() {
    assertThat(decide(null, null, SUCCEEDED_FROM_7)).isEmpty();
    assertThat(decide(OURS, null, null)).isEmpty();
    assertThat(decide(null, layer(30, 5, "bob"), null)).isEmpty();
  }

  @Test
  void anAgentChangedSinceByALaterChangeIsLeftAloneNamingItAndWhoMadeIt() {
    assertThat(decide(layer(41, 130, "bob"), null, SUCCEEDED_FROM_7))
        .contains(
            new LeaveAlone(
                Verdict.CHANGED_SINCE,
                "Changed since by change 41 (state 130, by bob): left alone"));
    assertThat(decide(layer(42, null, "carol"), null, SUCCEEDED_FROM_7))
        .contains(
            new LeaveAlone(
                Verdict.CHANGED_SINCE,
                "Changed since by change 42 (cleared, by carol): left alone"));
  }

  @Test
  void aChangedSinceAgentIsLeftAloneWhateverItsOutcomeWas() {
    assertThat(decide(layer(41, 130, "bob"), null, new Outcome(OutcomeStatus.FAILED, true, 7)))
        .hasValueSatisfying(
            d -> assertThat(((LeaveAlone) d).verdict()).isEqualTo(Verdict.CHANGED_SINCE));
  }

  @Test
  void aChangeThatDidNotTakeEffectHasNothingToRestore() {
    for (OutcomeStatus status :
        new OutcomeStatus[] {
          OutcomeStatus.FAILED,
          OutcomeStatus.NO_SESSION,
          OutcomeStatus.CANCELLED,
          OutcomeStatus.PENDING,
          OutcomeStatus.IN_FLIGHT
        }) {
      assertThat(decide(OURS, layer(30, 5, "bob"), new Outcome(status, true, 7)))
          .as(status.name())
          .contains(
              new LeaveAlone(
                  Verdict.NOTHING_TO_RESTORE,
                  "Change 40 did not take effect on this agent: nothing to restore"));
    }
  }

  @Test
  void theDesiredStateBelowResumesBeforeThePreviousState() {
    assertThat(decide(OURS, layer(30, 5, "bob"), SUCCEEDED_FROM_7))
        .contains(new Restore(StateTarget.set(5)));
    assertThat(decide(OURS, layer(30, null, "bob"), SUCCEEDED_FROM_7))
        .as("a layer below that cleared")
        .contains(new Restore(StateTarget.clear()));
  }

  @Test
  void withoutALayerBelowTheStateBeforeTheChangeComesBack() {
    assertThat(decide(OURS, null, SUCCEEDED_FROM_7)).contains(new Restore(StateTarget.set(7)));
    assertThat(decide(OURS, null, new Outcome(OutcomeStatus.SUCCEEDED, true, null)))
        .as("no custom state before")
        .contains(new Restore(StateTarget.clear()));
  }

  @Test
  void anAgentSkippedAsAlreadyInTheStateIsRestoredToo() {
    assertThat(decide(OURS, null, new Outcome(OutcomeStatus.SKIPPED, true, 7)))
        .contains(new Restore(StateTarget.set(7)));
    assertThat(decide(OURS, layer(30, 5, "bob"), new Outcome(OutcomeStatus.SKIPPED, false, null)))
        .contains(new Restore(StateTarget.set(5)));
  }

  @Test
  void aStateBeforeTheChangeOutsideTheGatewaysRangeIsNotRestored() {
    assertThat(decide(OURS, null, new Outcome(OutcomeStatus.SUCCEEDED, true, 70_000)))
        .contains(
            new LeaveAlone(
                Verdict.NOTHING_TO_RESTORE,
                "The state before the change (70000) is not a custom state the gateway takes"
                    + " (0..65534), so it is not restored"));
  }

  @Test
  void aStateBeforeTheChangeThatIsNotKnownIsNotRestored() {
    assertThat(decide(OURS, null, new Outcome(OutcomeStatus.SUCCEEDED, false, null)))
        .contains(
            new LeaveAlone(
                Verdict.NOTHING_TO_RESTORE,
                "The state before the change is not known, so it is not restored"));
  }
}
