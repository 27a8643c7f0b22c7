package io.statedesk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statedesk.core.gateway.AgentId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.awaitility.Awaitility;
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
    int pool = RunContext.SMALLEST_BATCH + 2;
    RunResults r = new RunResults(pool, written::add);
    r.flushIfDue(1000, pool);
    r.add(result(1));
    r.flushIfDue(1010, 0);
    assertThat(written).containsExactly(List.of(result(1)));
    ids(2, pool).forEach(r::add);
    r.flushIfDue(1020, pool - 1);
    assertThat(written).as("one short of a pool's worth").hasSize(1);
    r.add(result(pool + 1));
    r.flushIfDue(1030, pool);
    assertThat(written).hasSize(2);
    assertThat(written.get(1)).containsExactlyElementsOf(ids(2, pool + 1));
    r.flushIfDue(1040, 0);
    assertThat(written).as("nothing gathered, nothing written").hasSize(2);
  }

  @Test
  void aSmallPoolsResultsWaitForTheSmallestBatchWhileCallsAreInFlight() {
    RunResults r = new RunResults(1, written::add);
    r.flushIfDue(1000, 3);
    for (long id = 1; id < RunContext.SMALLEST_BATCH; id++) {
      r.add(result(id));
      r.flushIfDue(1000 + id, 3);
    }
    assertThat(written)
        .as("concurrency 1 wrote one result per call, a transaction per agent (issue 20)")
        .isEmpty();
    r.add(result(RunContext.SMALLEST_BATCH));
    r.flushIfDue(1100, 3);
    assertThat(written).containsExactly(ids(1, RunContext.SMALLEST_BATCH));
  }

  @Test
  void aFailedWriteKeepsItsResultsForTheNextFlush() {
    List<List<AgentResult>> tried = new ArrayList<>();
    RunResults r = failingOnce(4, tried);
    r.add(result(1));
    r.add(result(2));
    assertThatThrownBy(r::flush).hasMessage("database down");
    r.add(result(3));
    r.flush();
    assertThat(tried).hasSize(2);
    assertThat(tried.get(1)).containsExactlyInAnyOrder(result(1), result(2), result(3));
  }

  @Test
  void aWorkerWritesAPoolsWorthItselfAndOnlyThen() {
    int pool = RunResults.WORKERS_WRITE_FROM;
    RunResults r = new RunResults(pool, written::add);
    for (long id = 1; id < pool; id++) {
      r.add(result(id));
      r.writeIfFull();
    }
    assertThat(written)
        .as("one short of a pool's worth: the driver's flush will take them")
        .isEmpty();
    r.add(result(pool));
    r.writeIfFull();
    assertThat(written).hasSize(1);
    assertThat(written.get(0)).containsExactlyElementsOf(ids(1, pool));
  }

  @Test
  void aSmallPoolsWorkersLeaveTheWritingToTheDriver() {
    int pool = RunResults.WORKERS_WRITE_FROM - 1;
    RunResults r = new RunResults(pool, written::add);
    r.flushIfDue(1000, pool);
    for (long id = 1; id <= pool; id++) {
      r.add(result(id));
      r.writeIfFull();
    }
    assertThat(written).as("a worker of a pool of %d writes nothing", pool).isEmpty();
    r.flushIfDue(1010, pool);
    assertThat(written).as("fewer than the smallest batch, calls in flight: they wait").isEmpty();
    r.flushIfDue(1010, 0);
    assertThat(written).as("the driver's step once no call is in flight writes them").hasSize(1);
    assertThat(written.get(0)).containsExactlyElementsOf(ids(1, pool));
  }

  @Test
  void aWorkerDoesNotWaitForAWriteUnderWayAndTheDriversFlushDoes() throws Exception {
    int pool = RunResults.WORKERS_WRITE_FROM;
    CountDownLatch inWrite = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    List<List<AgentResult>> slow = new CopyOnWriteArrayList<>();
    RunResults r =
        new RunResults(
            pool,
            batch -> {
              slow.add(batch);
              if (slow.size() == 1) {
                inWrite.countDown();
                await(release);
              }
            });
    ids(1, pool).forEach(r::add);
    Thread first = new Thread(r::writeIfFull);
    first.start();
    assertThat(inWrite.await(10, TimeUnit.SECONDS)).isTrue();

    ids(pool + 1, 2 * pool).forEach(r::add);
    r.writeIfFull(); // returns at once: the first write is under way
    r.flushIfDue(System.currentTimeMillis(), 0); // so does the driver's step
    assertThat(slow).hasSize(1);
    CompletableFuture<Void> flushed = CompletableFuture.runAsync(r::flush);
    Awaitility.await("the driver's flush waiting for the write under way")
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(5))
        .until(() -> !flushed.isDone());

    release.countDown();
    flushed.get(10, TimeUnit.SECONDS);
    first.join(10_000);
    assertThat(slow).containsExactly(ids(1, pool), ids(pool + 1, 2 * pool));
  }

  @Test
  void aWorkersFailedWriteIsNotThrownAndKeepsItsResults() {
    int pool = RunResults.WORKERS_WRITE_FROM;
    List<List<AgentResult>> tried = new ArrayList<>();
    RunResults r = failingOnce(pool, tried);
    ids(1, pool).forEach(r::add);
    r.writeIfFull();
    r.flush();
    assertThat(tried).containsExactly(ids(1, pool), ids(1, pool));
  }

  /** The results of outcomes {@code first} to {@code last}, in that order. */
  static List<AgentResult> ids(long first, long last) {
    return LongStream.rangeClosed(first, last).mapToObj(RunResultsTest::result).toList();
  }

  /** Results whose first write fails ("database down"); every batch tried goes to {@code tried}. */
  static RunResults failingOnce(int concurrency, List<List<AgentResult>> tried) {
    return new RunResults(
        concurrency,
        batch -> {
          tried.add(batch);
          if (tried.size() == 1) {
            throw new IllegalStateException("database down");
          }
        });
  }

  private static void await(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
