package io.statedesk.core.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The results of one run's calls, gathered from the workers and written in batches: a write costs
 * the same few statements for one result as for hundreds ({@link OutcomeRecorder#record}), and
 * writing at every step of the driver wrote one or two results at a time (issue 20).
 *
 * <p>Who writes: the worker whose result completes a pool's worth ({@link #writeIfFull}), unless a
 * write is under way or the pool is small; the driver writes what waited {@link #FLUSH_MS} or is
 * left when no call is in flight. Why not the driver alone: it also claims the next agents, and
 * while it wrote a pool's worth of results (tens of milliseconds) no agent was claimed, so at
 * concurrency 64 the workers waited about as long as they called (issue 20: 56 ms "in the engine"
 * per 64 ms call, 534 agents a second). One write at a time: a lock, taken without waiting except
 * by {@link #flush}.
 */
final class RunResults {

  private static final Logger LOG = Logger.getLogger(RunResults.class.getName());

  /** The longest a result waits to be written with others (see {@link #flushIfDue}). */
  static final long FLUSH_MS = 250;

  /**
   * The smallest worker pool whose workers write results themselves. With fewer, the driver writes
   * them all: it has little else to do, and a worker's write (a transaction of a few milliseconds)
   * lay between two of its calls, at concurrency 1 between every two (issue 20: the fixed cost per
   * call at concurrency 1).
   */
  static final int WORKERS_WRITE_FROM = 8;

  private final ConcurrentLinkedQueue<AgentResult> results = new ConcurrentLinkedQueue<>();
  private final AtomicInteger gathered = new AtomicInteger();
  private final ReentrantLock writing = new ReentrantLock();
  private final int concurrency;
  private final int batch;
  private final Consumer<List<AgentResult>> write;
  private volatile long lastFlush;

  /**
   * @param concurrency the worker pool's size: a pool's worth of results is written at once, and at
   *     least {@link RunContext#SMALLEST_BATCH} while calls are in flight
   * @param write writes a batch; a batch it fails to write is kept for the next flush
   */
  RunResults(int concurrency, Consumer<List<AgentResult>> write) {
    this.concurrency = concurrency;
    this.batch = RunContext.batchFor(concurrency);
    this.write = write;
  }

  /** A worker's result, to be written with the next batch (any thread). */
  void add(AgentResult result) {
    results.add(result);
    gathered.incrementAndGet();
  }

  /**
   * Writes the results gathered so far if they are a worker pool's worth, the pool has at least
   * {@link #WORKERS_WRITE_FROM} workers and nobody is writing (a worker, after adding its result).
   * A failed write is logged, not thrown: the results are kept, and the driver's next flush writes
   * them or fails where its retries are counted.
   */
  void writeIfFull() {
    if (concurrency >= WORKERS_WRITE_FROM && gathered.get() >= concurrency && writing.tryLock()) {
      try {
        writeGathered(System.currentTimeMillis());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Writing a batch of bulk results failed; the driver tries again", e);
      } finally {
        writing.unlock();
      }
    }
  }

  /**
   * Writes the results gathered so far once there are a batch's worth (a worker pool's, at least
   * {@link RunContext#SMALLEST_BATCH}), once the oldest may have waited {@link #FLUSH_MS}, or once
   * no call is left in flight, unless a write is under way (the driver, at each step).
   */
  void flushIfDue(long now, int inFlight) {
    if (gathered.get() == 0) {
      lastFlush = now;
    } else if ((inFlight == 0 || now - lastFlush >= FLUSH_MS || gathered.get() >= batch)
        && writing.tryLock()) {
      try {
        writeGathered(now);
      } finally {
        writing.unlock();
      }
    }
  }

  /**
   * Writes every result gathered so far, after the write under way if there is one (the driver,
   * before it counts what is left of the change); kept for the next flush if the write fails.
   */
  void flush() {
    writing.lock();
    try {
      writeGathered(System.currentTimeMillis());
    } finally {
      writing.unlock();
    }
  }

  /** Under the lock; {@code now} in the driver's clock ({@link System#currentTimeMillis()}). */
  private void writeGathered(long now) {
    List<AgentResult> batch = new ArrayList<>();
    AgentResult r;
    while ((r = results.poll()) != null) {
      batch.add(r);
    }
    gathered.addAndGet(-batch.size());
    if (!batch.isEmpty()) {
      try {
        write.accept(batch);
      } catch (RuntimeException e) {
        results.addAll(batch);
        gathered.addAndGet(batch.size());
        throw e;
      }
    }
    lastFlush = now;
  }
}
