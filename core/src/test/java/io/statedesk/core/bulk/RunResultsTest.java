package io.statedesk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statedesk.core.gateway.AgentId;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a run's gathered results are written, and that a failed write loses none. */
class RunResultsTest {

  final List<List<AgentResult>> written = new ArrayList<>();

  static AgentResult result(long outcomeId) {
    return new AgentResult(
        outcomeId,
        new AgentId(101),
        StateTarget.set(101),
        OutcomeStatus.SUCCEEDED,
        true,
        "0",
        null,
        1,
        0);
  }

  /** Four workers; the clock starts at 1,000 ms with nothing gathered. */
  RunResults results() {
    RunResults r = new RunResults(4, written::add);
    r.flushIfDue(1000, 3);
    return r;
  }

  @Test
  void resultsWaitForOthersWhileCallsAreInFlight() {
    RunResults r = results();
    r.add(result(1));
    r.flushIfDue(1100, 3);
    assertThat(written).isEmpty();
    r.add(result(2));
    r.flushIfDue(1000 + RunResults.FLUSH_MS, 3);
    assertThat(written).containsExactly(List.of(result(1), result(2)));
  }

  @Test
  void resultsAreWrittenOnceNoCallIsInFlightOrAPoolsWorthIsGathered() {
    RunResults r = results();
    r.add(result(1));
    r.flushIfDue(1010, 0);
    assertThat(written).containsExactly(List.of(result(1)));
    for (long id = 2; id <= 5; id++) {
      r.add(result(id));
    }
    r.flushIfDue(1020, 4);
    assertThat(written).hasSize(2);
    assertThat(written.get(1)).hasSize(4);
    r.flushIfDue(1030, 0);
    assertThat(written).as("nothing gathered, nothing written").hasSize(2);
  }

  @Test
  void aFailedWriteKeepsItsResultsForTheNextFlush() {
    List<List<AgentResult>> tried = new ArrayList<>();
    RunResults r =
        new RunResults(
            4,
            batch -> {
              tried.add(batch);
              if (tried.size() == 1) {
                throw new IllegalStateException("database down");
              }
            });
    r.add(result(1));
    r.add(result(2));
    assertThatThrownBy(r::flush).hasMessage("database down");
    r.add(result(3));
    r.flush();
    assertThat(tried).hasSize(2);
    assertThat(tried.get(1)).containsExactlyInAnyOrder(result(1), result(2), result(3));
  }
}
