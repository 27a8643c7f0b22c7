package io.statedesk.core.bulk;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Which changes this console takes part in, and the threads that run them: a driver per change
 * ({@link ChangeRun}) and the worker pool they share; a sweep that takes up every unfinished change
 * not driven here yet (a new one another console made, or one whose console stopped or died); and a
 * keeper that renews the leases of the changes driven here on a thread of its own, so that no long
 * wait in a driver lets a lease lapse.
 */
final class ChangeRuns {

  private static final Logger LOG = Logger.getLogger(ChangeRuns.class.getName());

  private final BulkSettings settings;
  private final BulkStore store;
  private final String instance;
  private final BooleanSupplier stopping;
  private final Map<Long, ChangeRun> running = new ConcurrentHashMap<>();
  private final ExecutorService workers;
  private final ExecutorService drivers;
  private final ScheduledExecutorService sweeper;
  private final ScheduledExecutorService keeper;
  private RunContext context;

  /**
   * Makes the pools on {@code threads} (managed threads: JNDI, transactions and the persistence
   * context work on them); nothing runs until {@link #start}.
   *
   * @param instance this instance's id, the owner of the leases it takes
   * @param stopping whether the engine is stopping
   */
  ChangeRuns(
      ThreadFactory threads,
      BulkSettings settings,
      BulkStore store,
      String instance,
      BooleanSupplier stopping) {
    this.settings = settings;
    this.store = store;
    this.instance = instance;
    this.stopping = stopping;
    keeper = Executors.newSingleThreadScheduledExecutor(threads);
    workers = Executors.newFixedThreadPool(settings.concurrency(), threads);
    drivers = Executors.newCachedThreadPool(threads);
    sweeper = Executors.newSingleThreadScheduledExecutor(threads);
  }

  /** The pool that makes the calls, {@code statedesk.bulk.concurrency} threads. */
  ExecutorService workers() {
    return workers;
  }

  /** The changes driven here now. */
  int size() {
    return running.size();
  }

  /** Starts the lease keeper and the sweep; each run is given {@code context}. */
  void start(RunContext context) {
    this.context = context;
    long period = Math.max(1, settings.lease().toSeconds() / 3);
    keeper.scheduleWithFixedDelay(this::renewLeases, period, period, TimeUnit.SECONDS);
    sweeper.scheduleWithFixedDelay(
        this::sweep,
        Math.max(1, settings.resumeDelay().toSeconds()),
        Math.min(2, period),
        TimeUnit.SECONDS);
  }

  /** Runs a newly made change on this instance, leading it if it can take its lease. */
  void launch(long id) {
    begin(id, false);
  }

  /**
   * Takes part in every unfinished change not driven here yet: leading it if its lease is free or
   * expired (a console stopped or died), else calling only the agents this console holds.
   */
  void sweep() {
    if (stopping.getAsBoolean()) {
      return;
    }
    try {
      for (long id : store.open()) {
        if (!running.containsKey(id)) {
          begin(id, true);
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Bulk change sweep failed; trying again later", e);
    }
  }

  private void begin(long id, boolean swept) {
    Instant now = Instant.now();
    boolean lead = store.tryLease(id, instance, now.plus(settings.lease()), now);
    boolean recovered =
        swept
            && lead
            && store.find(id).map(c -> c.getStatus() != ChangeStatus.QUEUED).orElse(false);
    ChangeRun run = new ChangeRun(context, id, recovered, lead);
    if (running.putIfAbsent(id, run) == null) {
      if (recovered) {
        LOG.info("Bulk change " + id + ": taken up after its console stopped; leading it here");
      }
      drivers.execute(
          () -> {
            try {
              run.drive();
            } finally {
              running.remove(id);
            }
          });
    }
  }

  /**
   * Renews (or takes, once expired) the lease of every change driven here, on the keeper's own
   * thread: a driver waiting for calls or read-backs never lets its lease lapse.
   */
  void renewLeases() {
    for (ChangeRun run : running.values()) {
      try {
        Instant now = Instant.now();
        boolean lead = store.tryLease(run.id(), instance, now.plus(settings.lease()), now);
        if (run.lead() && !lead) {
          LOG.warning("Bulk change " + run.id() + ": lease lost to another console; calling ours");
        }
        run.lead(lead);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Bulk change " + run.id() + ": could not renew its lease", e);
      }
    }
  }

  /**
   * Stops the sweep, gives the drivers 20 seconds to finish their calls in flight and give their
   * leases up (they see the engine stopping), then stops every thread.
   */
  void stop() {
    sweeper.shutdownNow();
    drivers.shutdown();
    try {
      drivers.awaitTermination(20, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    keeper.shutdownNow();
    workers.shutdownNow();
    drivers.shutdownNow();
  }
}
