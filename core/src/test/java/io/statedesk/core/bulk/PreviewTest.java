package io.statedesk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statedesk.core.bulk.BulkExceptions.InvalidChangeException;
import io.statedesk.core.session.Availability;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What a preview tells before a large change, and how its badge reads after. */
class PreviewTest {

  static Preview preview(int willChange, int already, int noSession, int outOfScope) {
    List<Preview.Row> rows = new ArrayList<>();
    Map<Verdict, Integer> totals = new HashMap<>();
    int id = 101;
    for (Object[] part :
        new Object[][] {
          {Verdict.WILL_CHANGE, willChange},
          {Verdict.ALREADY_IN_STATE, already},
          {Verdict.NO_SESSION, noSession},
          {Verdict.OUT_OF_SCOPE, outOfScope}
        }) {
      Verdict v = (Verdict) part[0];
      int n = (Integer) part[1];
      for (int i = 0; i < n; i++) {
        rows.add(new Preview.Row(id++, "A", "Billing", null, Availability.HOSTED, v, null));
      }
      totals.put(v, n);
    }
    return new Preview(rows, totals, ChangeAction.SET, 100, "Training", true);
  }

  @Test
  void saysHowManyWillReallyChangeAndHowManyCannot() {
    Preview p = preview(144, 3, 1200, 2);
    assertThat(p.total()).isEqualTo(1349);
    assertThat(p.changing()).isEqualTo(144);
    assertThat(p.unchanged()).isEqualTo(3);
    assertThat(p.cannot()).isEqualTo(1202);
  }

  @Test
  void aSummaryKeepsEveryCountAndTheConfirmationButNoRows() {
    Preview s = preview(144, 3, 1200, 2).summary();
    assertThat(s.rows()).isEmpty();
    assertThat(s.total()).isEqualTo(1349);
    assertThat(s.cannot()).isEqualTo(1202);
    assertThat(s.confirmationRequired()).isTrue();
    assertThat(s.confirmedBy("1,349")).isTrue();
  }

  @Test
  void theTypedNumberConfirmsWithOrWithoutSeparators() {
    Preview p = preview(1000, 0, 1349, 0);
    assertThat(p.confirmedBy("2349")).isTrue();
    assertThat(p.confirmedBy(" 2,349 ")).isTrue();
    assertThat(p.confirmedBy("2 349")).isTrue();
    assertThat(p.confirmedBy("2.349")).isTrue();
    assertThat(p.confirmedBy("2\u202f349")).isTrue();
    assertThat(p.confirmedBy("2348")).isFalse();
    assertThat(p.confirmedBy("")).isFalse();
    assertThat(p.confirmedBy(null)).isFalse();
    assertThat(p.confirmedBy("2349x")).isFalse();
    assertThat(p.confirmedBy("-2349")).isFalse();
    assertThat(p.confirmedBy("99999999999999")).isFalse();
  }

  @Test
  void aCompletedChangeWithFailuresOrNoSessionsIsNotAPlainSuccess() {
    Counts clean = new Counts(0, 0, 5, 5, 0, 0, 2, 0, 5, 0, 0);
    Counts noSession = new Counts(0, 0, 5, 5, 0, 1, 0, 0, 5, 0, 0);
    Counts failed = new Counts(0, 0, 5, 5, 1, 0, 0, 0, 5, 0, 0);
    assertThat(ChangeHeadline.of(ChangeStatus.COMPLETED, clean))
        .isEqualTo(ChangeHeadline.COMPLETED);
    assertThat(ChangeHeadline.of(ChangeStatus.COMPLETED, noSession))
        .isEqualTo(ChangeHeadline.COMPLETED_WITH_PROBLEMS);
    assertThat(ChangeHeadline.of(ChangeStatus.COMPLETED, failed).warns()).isTrue();
    assertThat(ChangeHeadline.of(ChangeStatus.RUNNING, failed)).isEqualTo(ChangeHeadline.RUNNING);
    assertThat(ChangeHeadline.COMPLETED.warns()).isFalse();
  }

  @Test
  void aCodeNotOfferedToSomeAgentsTeamsIsRefusedNamingTenOfThem() {
    List<Preview.Row> rows = new ArrayList<>();
    rows.add(
        new Preview.Row(101, "A", "Billing", null, Availability.HOSTED, Verdict.WILL_CHANGE, null));
    for (int id = 201; id <= 212; id++) {
      rows.add(
          new Preview.Row(
              id,
              "B",
              id == 212 ? null : "Sales",
              null,
              Availability.HOSTED,
              Verdict.CODE_NOT_OFFERED,
              null));
    }
    Preview p =
        new Preview(
            rows, Map.of(Verdict.CODE_NOT_OFFERED, 12), ChangeAction.SET, 140, "Project", false);
    assertThatThrownBy(p::requireOffered)
        .isInstanceOfSatisfying(
            InvalidChangeException.class,
            e -> {
              assertThat(e.text().key()).isEqualTo("bulk.code.notOfferedToTeams");
              assertThat(e.text().args())
                  .containsExactly(
                      140,
                      "Project",
                      12,
                      "201 (Sales), 202 (Sales), 203 (Sales), 204 (Sales), 205 (Sales), 206 (Sales),"
                          + " 207 (Sales), 208 (Sales), 209 (Sales), 210 (Sales), ...");
            });
    preview(5, 1, 2, 0).requireOffered(); // every code offered: nothing to refuse
  }
}
