package io.statedesk.core.bulk;

import dev.failsafe.CircuitBreaker;
import io.statedesk.core.cluster.Cluster;
import java.util.concurrent.ExecutorService;
import java.util.function.BooleanSupplier;

/**
 * What every {@link ChangeRun} on this instance shares, fixed once {@link BulkEngine#start} has
 * run: the stores, the call algorithm with its breaker and the worker pool, the take-over rules,
 * and whether the engine is stopping.
 *
 * @param instance this instance's id: the owner of the outcomes it claims and of the leases it
 *     takes
 * @param stopping whether the engine is stopping (its runs give their part up)
 */
record RunContext(
    String instance,
    BulkSettings settings,
    BulkStore changes,
    OutcomeClaims claims,
    OutcomeRecorder recorder,
    Cluster cluster,
    AgentCall call,
    AgentLocks locks,
    CircuitBreaker<Object> breaker,
    ExecutorService workers,
    TakeOver takeOver,
    ResultWriter writer,
    ChangeEnding ending,
    BooleanSupplier stopping) {

  /**
   * How many pools' worth of agents a driver keeps in flight (called, or queued for a worker). Why
   * three, not two: a claim is a transaction of tens of milliseconds, and with two the driver
   * claimed only once the queue was empty, so the workers waited for every claim; with a pool's
   * worth still queued the claim lands while they call (issue 20, docs/src/benchmarks.md).
   */
  static final int DEPTH = 3;

  /**
   * The fewest agents a driver claims at once, and the fewest results it writes at once while calls
   * are in flight, however small the worker pool. Why: with batches of a pool's worth, concurrency
   * 1 claimed one agent and wrote one result per call, two transactions per agent (3.5 ms of the
   * console's CPU per agent against 0.7 at concurrency 64, issue 20); the budget is one
   * statement per agent at any concurrency.
   */
  static final int SMALLEST_BATCH = 8;

  /** How many agents a claim takes, and how many results make a write: a pool's worth or more. */
  int batch() {
    return batchFor(settings.concurrency());
  }

  /** {@link #batch} for a pool of {@code concurrency} workers (also {@link RunResults}'). */
  static int batchFor(int concurrency) {
    return Math.max(concurrency, SMALLEST_BATCH);
  }

  /** The most agents one run keeps in flight: a claim's worth beyond {@link #claimBelow}. */
  int inFlightMost() {
    return claimBelow() + batch();
  }

  /** A run's driver claims more once no more than this many of its agents are in flight. */
  int claimBelow() {
    return settings.concurrency() * (DEPTH - 1);
  }
}
