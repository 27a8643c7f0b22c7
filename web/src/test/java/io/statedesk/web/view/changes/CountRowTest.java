package io.statedesk.web.view.changes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.statedesk.core.bulk.Counts;
import org.junit.jupiter.api.Test;

class CountRowTest {

  @Test
  void aRunningChangeShowsPendingEvenAtZeroAndOnlyTheOtherCountsItHas() {
    Counts counts = new Counts(0, 0, 5, 5, 2, 0, 0, 0, 0, 0, 1);

    assertThat(CountRow.of(counts, false))
        .extracting(CountRow::name)
        .containsExactly("all", "pending", "succeeded", "failed", "drifted");
  }

  @Test
  void aFinishedChangeLeavesPendingOutAndItsNonOutcomeCountsFilterNothing() {
    Counts counts = new Counts(0, 0, 3, 3, 0, 1, 0, 0, 2, 0, 0);

    assertThat(CountRow.of(counts, true))
        .extracting(CountRow::name, CountRow::outcome, CountRow::count, CountRow::filters)
        .containsExactly(
            tuple("all", "", 4L, true),
            tuple("succeeded", "SUCCEEDED", 3L, true),
            tuple("noSession", "NO_SESSION", 1L, true),
            tuple("held", null, 2L, false));
  }

  @Test
  void callsUnderWayCountAsPending() {
    Counts counts = new Counts(1, 2, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    assertThat(CountRow.of(counts, false).get(1))
        .isEqualTo(new CountRow("pending", "PENDING", 3, "outcome.PENDING", ""));
  }
}
