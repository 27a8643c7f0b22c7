package io.statedesk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.gateway.AgentId;
import io.statedesk.core.gateway.CustomState;
import io.statedesk.core.session.Availability;
import java.util.Map;
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
    StateTarget seven = StateTarget.set(7);
    plan.rows.add(row(101, Verdict.WILL_CHANGE, seven));
    plan.rows.add(row(102, Verdict.NO_SESSION, seven));
    plan.rows.add(row(103, Verdict.ALREADY_IN_STATE, seven));
    plan.rows.add(Plan.Row.skipped(Plan.Found.only(104), seven, Verdict.OUT_OF_SCOPE, "not yours"));
    plan.rows.add(Plan.Row.skipped(Plan.Found.only(5), seven, Verdict.INVALID_ID, "not an id"));
    assertThat(plan.desired())
        .isEqualTo(
            Map.of(new AgentId(101), seven, new AgentId(102), seven, new AgentId(103), seven));
    Preview preview = plan.preview(3);
    assertThat(preview.count(Verdict.WILL_CHANGE)).isEqualTo(1);
    assertThat(preview.count(Verdict.CHANGED_SINCE)).isZero();
    assertThat(preview.confirmationRequired()).isTrue();
  }

  @Test
  void readBackComparesNoneAndCodes() {
    assertThat(Reading.NOT_SET.matches(StateTarget.clear())).isTrue();
    assertThat(code(3).matches(StateTarget.clear())).isFalse();
    assertThat(code(3).matches(StateTarget.set(3))).isTrue();
    assertThat(Reading.NOT_SET.matches(StateTarget.set(3))).isFalse();
    assertThat(code(4).matches(StateTarget.set(3))).isFalse();
    assertThat(Reading.NOT_SET.describe()).isEqualTo("none");
  }

  private static Reading code(int code) {
    return new Reading.Code(new CustomState(code));
  }

  private static Plan.Row row(int agent, Verdict verdict, StateTarget target) {
    return new Plan.Row(
        new Plan.Found(agent, "A", "T", null, Availability.HOSTED, false),
        target,
        verdict,
        OutcomeStatus.PENDING,
        null,
        null);
  }
}
