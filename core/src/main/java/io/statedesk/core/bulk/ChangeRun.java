package io.statedesk.core.bulk;

import io.statedesk.core.cluster.Ownership;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * This instance's part in one change: the driver's loop, on a thread of its own. Each step checks
 * the change (finished elsewhere, cancelled), takes over outcomes a dead console left in flight,
 * claims a batch of pending ones, hands them to the worker pool, writes what results the workers
 * left unwritten ({@link RunResults}: a worker writes a pool's worth itself) and, on the console
 * leading the change, shows it paused while the gateway is down and ends it when no outcome is left
 * ({@link ChangeEnding}). Unexpected failures are retried for about a minute; a stopping console
 * finishes its calls in flight and gives its lease up.
 */
final class ChangeRun {

  private static final Logger LOG = Logger.getLogger(ChangeRun.class.getName());

  /** How often a driver gives up after unexpected failures in a row (about one a second). */
  private static final int MAX_FAILURES = 60;

  private final RunContext ctx;
  private final long id;
  private final boolean recovered;
  private volatile boolean lead;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final RunResults results;

  /** Woken by a worker when its agent leaves no more queued than the workers can take. */
  private volatile Thread driver;

  private volatile boolean cancelled;
  private final RunStatus status;
  private boolean verify;
  private boolean finished;
  private long nextClaim;
  private long nextAdopt;
  private long nextCheck;
  private long nextDone;

  /**
   * @param recovered taken up after the console that ran it stopped (it was running already)
   * @param lead whether this console holds the change's lease
   */
  ChangeRun(RunContext ctx, long id, boolean recovered, boolean lead) {
    this.ctx = ctx;
    this.id = id;
    this.recovered = recovered;
    this.lead = lead;
    this.results =
        new RunResults(
            ctx.settings().concurrency(), batch -> ctx.writer().write(id, batch, ctx.instance()));
    this.status =
        new RunStatus(
            ctx.breaker(),
            ctx.settings().breakerFailures(),
            (shown, detail) -> ctx.changes().status(id, shown, detail));
  }

  long id() {
    return id;
  }

  boolean lead() {
    return lead;
  }

  /** Set by the lease keeper: whether this console holds the change's lease now. */
  void lead(boolean lead) {
    this.lead = lead;
  }

  /** Drives the change until this console's part in it is over (on the driver's own thread). */
  void drive() {
    driver = Thread.currentThread();
    try {
      Optional<BulkChange> found = ctx.changes().find(id);
      if (found.isEmpty()) {
        return;
      }
      BulkChange change = found.get();
      verify = change.isVerify();
      if (recovered && !ctx.settings().resumeAfterRestart()) {
        int ended =
            ctx.recorder().endPending(id, OutcomeStatus.CANCELLED, "Interrupted by a restart");
        finish(
            ChangeStatus.INTERRUPTED,
            "Interrupted by a restart; "
                + ended
                + " agent(s) were not called (statedesk.bulk.resume-after-restart=false)");
        return;
      }
      if (lead) {
        status.show(ChangeStatus.RUNNING, recovered ? "Resumed after a restart" : null);
        LOG.info(() -> "Bulk change " + id + " running: " + describe(change));
      }
      loop();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      results.flush();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "Bulk change " + id + " stopped by an unexpected failure", e);
      // the workers' calls finish and are recorded before the lease goes: released earlier,
      // another console would take the change and call those agents again
      try {
        awaitInFlight();
        if (lead) {
          ctx.changes().releaseLease(id, ctx.instance());
        }
      } catch (RuntimeException | InterruptedException again) {
        LOG.log(Level.WARNING, "Bulk change " + id + ": left to its lease's expiry", again);
      }
    }
  }

  private static String describe(BulkChange change) {
    return change.getAction()
        + (change.getCode() == null ? "" : " " + change.getCode())
        + " on "
        + change.getTotal()
        + " agent(s) by "
        + change.getCreatedBy();
  }

  /** Steps until the change ends or this console stops; unexpected failures are retried. */
  private void loop() throws InterruptedException {
    int failures = 0;
    while (!finished) {
      try {
        if (step()) {
          return;
        }
        failures = 0;
      } catch (RuntimeException e) {
        if (++failures >= MAX_FAILURES) {
          throw e;
        }
        LOG.log(Level.WARNING, "Bulk change " + id + ": step failed; trying again", e);
        Thread.sleep(1000);
      }
    }
  }

  /** One step of the driver; true when this console's part in the change is over. */
  private boolean step() throws InterruptedException {
    long now = System.currentTimeMillis();
    results.flushIfDue(now, inFlight.get());
    if (now >= nextCheck) {
      Optional<Object[]> state = ctx.changes().state(id);
      if (state.isEmpty() || ((ChangeStatus) state.get()[0]).isFinished()) {
        awaitInFlight();
        return true;
      }
      cancelled = cancelled || Boolean.TRUE.equals(state.get()[1]);
      nextCheck = now + (lead ? 300 : 1000);
    }
    if (ctx.stopping().getAsBoolean()) {
      awaitInFlight();
      if (lead) {
        ctx.changes().releaseLease(id, ctx.instance());
      }
      LOG.info("Bulk change " + id + ": console stopping; another console or start resumes it");
      return true;
    }
    if (cancelled) {
      return cancel();
    }
    if (lead) {
      status.update();
    }
    boolean claimed = takeWork(now);
    if (lead && !claimed && inFlight.get() == 0 && now >= nextDone) {
      results.flush();
      if (ctx.claims().remaining(id) == 0) {
        finish(ChangeStatus.COMPLETED, null);
        return true;
      }
      nextDone = now + 500;
    }
    // until a worker's call ends (it unparks the driver) or the wait is up: a fixed sleep here
    // cost up to 100 ms per batch (issue 20: concurrency 1 took 105 ms per 50 ms call)
    long waitMs = claimed && inFlight.get() <= ctx.claimBelow() ? 20 : 100;
    LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(waitMs));
    if (Thread.interrupted()) {
      throw new InterruptedException();
    }
    return false;
  }

  /**
   * Takes over what dead consoles left in flight (every two seconds) and claims pending outcomes,
   * up to {@link RunContext#inFlightMost()}; true when the claim found some.
   */
  private boolean takeWork(long now) {
    int cap = ctx.settings().concurrency();
    Ownership ownership = ctx.cluster().ownership();
    if (inFlight.get() < cap && now >= nextAdopt) {
      ctx.claims()
          .adopt(id, cap - inFlight.get(), ownership, lead, ctx.instance(), Instant.now())
          .forEach(this::submit);
      nextAdopt = now + 2000;
    }
    boolean claimed = false;
    if (inFlight.get() <= ctx.claimBelow() && now >= nextClaim) {
      List<AgentCall.Work> batch =
          ctx.claims()
              .claim(
                  id, ctx.inFlightMost() - inFlight.get(), verify, ownership, lead, ctx.instance());
      batch.forEach(this::submit);
      claimed = !batch.isEmpty();
      nextClaim = claimed ? now : now + (lead ? 250 : 1000);
    }
    return claimed;
  }

  /** Cancelled: the lead ends what nobody claimed, everyone finishes its calls in flight. */
  private boolean cancel() throws InterruptedException {
    if (lead) {
      ctx.recorder()
          .endPending(id, OutcomeStatus.CANCELLED, "Cancelled before the agent was called");
    }
    awaitInFlight();
    if (!lead) {
      return true;
    }
    if (ctx.claims().remaining(id) > 0) {
      Thread.sleep(200); // another console's calls in flight: it records them
      return false;
    }
    finish(ChangeStatus.CANCELLED, "Cancelled; calls in flight were finished");
    return true;
  }

  private void submit(AgentCall.Work w) {
    inFlight.incrementAndGet();
    try {
      ctx.workers().execute(() -> work(w));
    } catch (RuntimeException rejected) {
      inFlight.decrementAndGet();
      ctx.claims().backToPending(id, List.of(w.outcomeId()), ctx.instance());
      throw rejected;
    }
  }

  /**
   * A worker's part: the call (or the read-back of a dead console's call) under the agent's lock.
   */
  private void work(AgentCall.Work w) {
    try {
      AgentResult result =
          ctx.locks()
              .with(
                  w.agentId(),
                  () ->
                      w.recheck()
                          ? ctx.takeOver().recheck(w, this::stopCall, status::paused)
                          : ctx.call().run(w, this::stopCall, status::paused));
      if (ctx.takeOver().notOurs(result, w.recheck(), cancelled)) {
        ctx.claims().backToPending(id, List.of(w.outcomeId()), ctx.instance());
      } else {
        results.add(result);
        results.writeIfFull();
      }
    } finally {
      if (inFlight.decrementAndGet() <= ctx.claimBelow()) {
        LockSupport.unpark(driver);
      }
    }
  }

  private boolean stopCall() {
    return cancelled || ctx.stopping().getAsBoolean();
  }

  private void awaitInFlight() throws InterruptedException {
    while (inFlight.get() > 0) {
      Thread.sleep(20);
      results.flushIfDue(System.currentTimeMillis(), inFlight.get());
    }
    results.flush();
  }

  private void finish(ChangeStatus end, String detail) {
    finished = true;
    ctx.ending().finish(id, end, detail);
  }
}
