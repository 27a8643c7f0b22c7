package io.statedesk.core.bulk;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Consumer;

/**
 * The results of one run's calls, gathered from the workers and written in batches by the run's
 * driver: a write costs the same few statements for one result as for hundreds ({@link
 * OutcomeRecorder#record}), and writing at every step of the driver wrote one or two results at a
 * time (issue 20).
 */
final class RunResults {

  /** The longest a result waits to be written with others (see {@link #flushIfDue}). */
  static final long FLUSH_MS = 250;

  private final ConcurrentLinkedQueue<AgentResult> results = new ConcurrentLinkedQueue<>();
  private final int concurrency;
  private final Consumer<List<AgentResult>> write;
  private long lastFlush;

  /**
   * @param concurrency the worker pool's size: a pool's worth of results is written at once
   * @param write writes a batch; a batch it fails to write is kept for the next flush
   */
  RunResults(int concurrency, Consumer<List<AgentResult>> write) {
    this.concurrency = concurrency;
    this.write = write;
  }

  /** A worker's result, to be written with the next batch (any thread). */
  void add(AgentResult result) {
    results.add(result);
  }

  /**
   * Writes the results gathered so far once there are a worker pool's worth, once the oldest may
   * have waited {@link #FLUSH_MS}, or once no call is left in flight (driver thread only).
   */
  void flushIfDue(long now, int inFlight) {
    if (results.isEmpty()) {
      lastFlush = now;
    } else if (inFlight == 0 || now - lastFlush >= FLUSH_MS || results.size() >= concurrency) {
      flush();
      lastFlush = now;
    }
  }

  /** Writes the results gathered so far; kept for the next flush if the write fails. */
  void flush() {
    List<AgentResult> batch = new ArrayList<>();
    AgentResult r;
    while ((r = results.poll()) != null) {
      batch.add(r);
    }
    if (!batch.isEmpty()) {
      try {
        write.accept(batch);
      } catch (RuntimeException e) {
        results.addAll(batch);
        throw e;
      }
    }
  }
}
