package io.statedesk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.session.Availability;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The planner's and the plan's rules, without a server. */
class ChangePlannerTest {

  @Test
  void anAgentIsSkippedOnlyAfterAReadBackInItsCurrentSession() {
    assertThat(ChangePlanner.verdict(true, Availability.HOSTED))
        .isEqualTo(Verdict.ALREADY_IN_STATE);
    // a cached state from an earlier session (or never read back) is no reason to skip
    assertThat(ChangePlanner.verdict(false, Availability.HOSTED)).isEqualTo(Verdict.WILL_CHANGE);
    assertThat(ChangePlanner.verdict(false, Availability.RELAYED)).isEqualTo(Verdict.WILL_CHANGE);
    assertThat(ChangePlanner.verdict(false, Availability.NONE)).isEqualTo(Verdict.NO_SESSION);
  }

  @Test
  void aPlanIntendsStatesOnlyForTheCallersAgents() {
    Plan plan = new Plan(ChangeAction.SET, null);
    plan.rows.add(row(101, Verdict.WILL_CHANGE, 7));
    plan.rows.add(row(102, Verdict.NO_SESSION, 7));
    plan.rows.add(row(103, Verdict.ALREADY_IN_STATE, 7));
    plan.rows.add(Plan.Row.skipped(104, 7, Verdict.OUT_OF_SCOPE, "not yours"));
    plan.rows.add(Plan.Row.skipped(5, 7, Verdict.INVALID_ID, "not an id"));
    assertThat(plan.desired()).isEqualTo(Map.of(101, 7, 102, 7, 103, 7));
    Preview preview = plan.preview(3);
    assertThat(preview.count(Verdict.WILL_CHANGE)).isEqualTo(1);
    assertThat(preview.count(Verdict.CHANGED_SINCE)).isZero();
    assertThat(preview.confirmationRequired()).isTrue();
  }

  @Test
  void readBackComparesNoneAndCodes() {
    assertThat(ReadBack.matches(null, Optional.empty())).isTrue();
    assertThat(ReadBack.matches(null, Optional.of(3))).isFalse();
    assertThat(ReadBack.matches(3, Optional.of(3))).isTrue();
    assertThat(ReadBack.matches(3, Optional.empty())).isFalse();
    assertThat(ReadBack.matches(3, Optional.of(4))).isFalse();
    assertThat(ReadBack.describe(Optional.empty())).isEqualTo("none");
  }

  private static Plan.Row row(int agent, Verdict verdict, Integer target) {
    return new Plan.Row(
        agent, "A", "T", null, "HOSTED", false, target, verdict, OutcomeStatus.PENDING, null, null);
  }
}
