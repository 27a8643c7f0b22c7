package io.statedesk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The summary a finished change shows, audits and logs. */
class ChangeEndingTest {

  @Test
  void theSummaryNamesEveryFinalCount() {
    Counts c = new Counts(0, 0, 7, 5, 2, 1, 3, 4, 6, 0, 1);
    assertThat(ChangeEnding.summary(c))
        .isEqualTo("7 succeeded (5 verified), 2 failed, 1 no session, 3 skipped, 4 cancelled");
  }
}
