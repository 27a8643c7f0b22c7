package io.statedesk.core.bulk;

import dev.failsafe.CircuitBreaker;
import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.cluster.Cluster;
import io.statedesk.core.cluster.Ownership;
import io.statedesk.core.directory.DirectoryWrites;
import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.gateway.LiveConsoles;
import io.statedesk.core.gateway.SharedRate;
import io.statedesk.core.session.AgentHandle;
import io.statedesk.core.session.AgentSessions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Runs bulk changes, never on a request thread.
 *
 * <p>Every console takes part in every unfinished change: each has one driver per change that
 * claims, in batches, the pending outcomes of the agents whose sessions it holds (row locks, {@code
 * for update skip locked}, and an owner column: see {@link BulkStore#claim}), hands them to its
 * worker pool of {@code statedesk.bulk.concurrency} managed threads, and writes results back in
 * batches, each conditional on still owning the outcome. One console leads the change (its database
 * lease): it also calls the agents no shard covers, shows the change's status, and ends the change
 * when no outcome is left. The leases are renewed by a keeper of their own, never by the drive
 * loop, so no long wait in a driver lets a lease lapse. Outcomes left in flight by a console that
 * died are taken over by the console now holding those agents and read back before any call is sent
 * again.
 *
 * <p>Longer than 300 lines: the driver's loop, its failure handling and the take-over read-back
 * belong together, and splitting them would spread the one protocol over several files.
 */
@ApplicationScoped
public class BulkEngine {

  private static final Logger LOG = Logger.getLogger(BulkEngine.class.getName());

  @Inject BulkSettings settings;
  @Inject BulkStore store;
  @Inject DirectoryWrites directoryWrites;
  @Inject AgentSessions agentSessions;
  @Inject GatewayClient client;
  @Inject AuditLog audit;
  @Inject BulkMetrics metrics;
  @Inject Event<BulkEngineStarted> started;
  @Inject Event<ChangeProgressed> progressed;
  @Inject Cluster cluster;
  @Inject LiveConsoles liveConsoles;

  private String instance = instanceName();
  private final Map<Long, Run> running = new ConcurrentHashMap<>();
  private final AgentLocks locks = new AgentLocks();
  private volatile boolean stopping;
  private ExecutorService workers;
  private ExecutorService drivers;
  private ScheduledExecutorService sweeper;
  private ScheduledExecutorService keeper;
  private CircuitBreaker<Object> breaker;
  private AgentCall call;
  private GatewayPort gateway;
  private SessionPort sessions;
  private SharedRate limiter;

  private static String instanceName() {
    return ManagementFactory.getRuntimeMXBean().getName()
        + "/"
        + UUID.randomUUID().toString().substring(0, 8);
  }

  /** Starts the pools and the sweep that resumes changes left by a stopped instance. */
  public synchronized void start() {
    if (workers != null) {
      return;
    }
    instance = cluster.instance();
    ManagedThreadFactory threads = threadFactory();
    keeper = Executors.newSingleThreadScheduledExecutor(threads);
    workers = Executors.newFixedThreadPool(settings.concurrency(), threads);
    drivers = Executors.newCachedThreadPool(threads);
    sweeper = Executors.newSingleThreadScheduledExecutor(threads);
    gateway = GatewayPort.of(client);
    sessions = SessionPort.of(agentSessions);
    metrics.runningChanges(running::size);
    breaker =
        CircuitBreaker.builder()
            .withFailureThreshold(settings.breakerFailures())
            .withDelay(settings.breakerDelay())
            .withSuccessThreshold(1)
            .onOpen(
                e ->
                    LOG.warning(
                        "Bulk changes paused: the gateway failed "
                            + settings.breakerFailures()
                            + " calls in a row (unreachable, timed out or HTTP 5xx); probing again in "
                            + settings.breakerDelay().toSeconds()
                            + " s"))
            .onClose(e -> LOG.info("Bulk changes resumed: the gateway answers again"))
            .build();
    // statedesk.bulk.rate-limit is the cluster's: each live console calls at its share
    limiter =
        settings.rateLimit() > 0
            ? new SharedRate(settings.rateLimit(), liveConsoles::get, Duration.ofMinutes(10))
            : null;
    cluster.reportBreaker(this::gatewayBreaker);
    call = new AgentCall(gateway, sessions, breaker, limiter, settings.call());
    long period = Math.max(1, settings.lease().toSeconds() / 3);
    keeper.scheduleWithFixedDelay(this::renewLeases, period, period, TimeUnit.SECONDS);
    sweeper.scheduleWithFixedDelay(
        this::sweep,
        Math.max(1, settings.resumeDelay().toSeconds()),
        Math.min(2, period),
        TimeUnit.SECONDS);
    LOG.info(
        "Bulk engine "
            + instance
            + " started: "
            + settings.concurrency()
            + " calls at a time"
            + (limiter == null
                ? ""
                : ", at most "
                    + settings.rateLimit()
                    + " per second for the cluster (now "
                    + limiter.perSecond()
                    + " here)"));
    started.fire(new BulkEngineStarted());
  }

  private static ManagedThreadFactory threadFactory() {
    try {
      return InitialContext.doLookup("java:comp/DefaultManagedThreadFactory");
    } catch (NamingException e) {
      throw new IllegalStateException("No java:comp/DefaultManagedThreadFactory", e);
    }
  }

  /** Whether {@link #start()} has run: before it, no gateway call can be made. */
  public boolean isStarted() {
    return call != null;
  }

  /** This console's share of the cluster's call rate now, per second; 0 = unlimited. */
  public int callRate() {
    return limiter == null ? 0 : limiter.perSecond();
  }

  /** The circuit breaker's state, for the system page and health: CLOSED, OPEN or HALF_OPEN. */
  public String gatewayBreaker() {
    return breaker == null ? "CLOSED" : breaker.getState().name();
  }

  /**
   * Reads the agent's custom state back in its current session (inner empty = none), or empty when
   * it has no usable session or the read failed.
   */
  public Optional<Optional<Integer>> readBack(int agentId) {
    if (sessions == null) {
      return Optional.empty();
    }
    Optional<AgentHandle> handle = sessions.current(agentId);
    return handle.isEmpty() ? Optional.empty() : ReadBack.read(gateway, handle.get(), limiter);
  }

  /**
   * Sets (or, for {@code null}, clears) one agent's custom state outside any change, with the
   * engine's retries, breaker and rate limit, and reads it back: desired-state reconciliation. The
   * agent's calls are serialised with the changes' calls for it on this instance, and {@code
   * stillWanted} is asked under that lock: a change that claimed the agent meanwhile wins.
   *
   * @return the result, or empty when {@code stillWanted} said no
   */
  public Optional<AgentResult> apply(int agentId, Integer target, BooleanSupplier stillWanted) {
    if (call == null) {
      throw new IllegalStateException("The bulk engine has not started");
    }
    return locks.with(
        agentId,
        () ->
            stillWanted.getAsBoolean()
                ? Optional.of(
                    call.run(
                        new AgentCall.Work(0, agentId, target, true), () -> stopping, () -> {}))
                : Optional.empty());
  }

  /**
   * Runs {@code work} under the agent's call lock on this instance: no change calls the agent here
   * meanwhile (the desired-state reconciliation reads back and records under it).
   */
  public <T> T underAgentLock(int agentId, Supplier<T> work) {
    return locks.with(agentId, work);
  }

  /** Runs a newly made change on this instance, leading it if it can take its lease. */
  void launch(long id) {
    if (workers == null || stopping) {
      return; // the sweep of a running instance takes it up
    }
    begin(id, false);
  }

  /**
   * Takes part in every unfinished change not driven here yet: leading it if its lease is free or
   * expired (a console stopped or died), else calling only the agents this console holds.
   */
  void sweep() {
    if (stopping) {
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
    Run run = new Run(id, recovered, lead);
    if (running.putIfAbsent(id, run) == null) {
      if (recovered) {
        LOG.info("Bulk change " + id + ": taken up after its console stopped; leading it here");
      }
      drivers.execute(run::drive);
    }
  }

  /**
   * Renews (or takes, once expired) the lease of every change driven here, on the keeper's own
   * thread: a driver waiting for calls or read-backs never lets its lease lapse.
   */
  void renewLeases() {
    for (Run run : running.values()) {
      try {
        Instant now = Instant.now();
        boolean lead = store.tryLease(run.id, instance, now.plus(settings.lease()), now);
        if (run.lead && !lead) {
          LOG.warning("Bulk change " + run.id + ": lease lost to another console; calling ours");
        }
        run.lead = lead;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Bulk change " + run.id + ": could not renew its lease", e);
      }
    }
  }

  @PreDestroy
  synchronized void stop() {
    stopping = true;
    if (workers == null) {
      return;
    }
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

  /** The reason given for a call confirmed by a read-back instead of being sent again. */
  static final String CONFIRMED = "Confirmed by a read-back after a restart (not sent again)";

  /** The longest a result waits to be written with others (see {@code Run.flushIfDue}). */
  static final long FLUSH_MS = 250;

  /** How often a driver gives up after unexpected failures in a row (about one a second). */
  private static final int MAX_FAILURES = 60;

  /** This instance's part in one change. */
  private final class Run {
    final long id;
    final boolean recovered;
    volatile boolean lead;
    final AtomicInteger inFlight = new AtomicInteger();
    final ConcurrentLinkedQueue<AgentResult> results = new ConcurrentLinkedQueue<>();

    /** Woken by a worker when its agent leaves no more queued than the workers can take. */
    volatile Thread driver;

    volatile boolean cancelled;
    volatile long pausedAt;
    ChangeStatus shown = ChangeStatus.QUEUED;
    boolean verify;
    boolean finished;
    long nextClaim;
    long nextAdopt;
    long nextCheck;
    long nextDone;
    long lastFlush;

    Run(long id, boolean recovered, boolean lead) {
      this.id = id;
      this.recovered = recovered;
      this.lead = lead;
    }

    void drive() {
      driver = Thread.currentThread();
      try {
        Optional<BulkChange> found = store.find(id);
        if (found.isEmpty()) {
          return;
        }
        BulkChange change = found.get();
        verify = change.isVerify();
        if (recovered && !settings.resumeAfterRestart()) {
          int ended = store.endPending(id, OutcomeStatus.CANCELLED, "Interrupted by a restart");
          finish(
              ChangeStatus.INTERRUPTED,
              "Interrupted by a restart; "
                  + ended
                  + " agent(s) were not called (statedesk.bulk.resume-after-restart=false)");
          return;
        }
        if (lead) {
          show(ChangeStatus.RUNNING, recovered ? "Resumed after a restart" : null);
          LOG.info(
              () ->
                  "Bulk change "
                      + id
                      + " running: "
                      + change.getAction()
                      + (change.getCode() == null ? "" : " " + change.getCode())
                      + " on "
                      + change.getTotal()
                      + " agent(s) by "
                      + change.getCreatedBy());
        }
        loop();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        flush();
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Bulk change " + id + " stopped by an unexpected failure", e);
        // the workers' calls finish and are recorded before the lease goes: released earlier,
        // another console would take the change and call those agents again
        try {
          awaitInFlight();
          if (lead) {
            store.releaseLease(id, instance);
          }
        } catch (RuntimeException | InterruptedException again) {
          LOG.log(Level.WARNING, "Bulk change " + id + ": left to its lease's expiry", again);
        }
      } finally {
        running.remove(id);
      }
    }

    /** Steps until the change ends or this console stops; unexpected failures are retried. */
    void loop() throws InterruptedException {
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
    boolean step() throws InterruptedException {
      long now = System.currentTimeMillis();
      flushIfDue(now);
      if (now >= nextCheck) {
        Optional<Object[]> state = store.state(id);
        if (state.isEmpty() || ((ChangeStatus) state.get()[0]).isFinished()) {
          awaitInFlight();
          return true;
        }
        cancelled = cancelled || Boolean.TRUE.equals(state.get()[1]);
        nextCheck = now + (lead ? 300 : 1000);
      }
      if (stopping) {
        awaitInFlight();
        if (lead) {
          store.releaseLease(id, instance);
        }
        LOG.info("Bulk change " + id + ": console stopping; another console or start resumes it");
        return true;
      }
      if (cancelled) {
        return cancel();
      }
      if (lead) {
        updatePause();
      }
      int cap = settings.concurrency();
      Ownership ownership = cluster.ownership();
      if (inFlight.get() < cap && now >= nextAdopt) {
        store
            .adopt(id, cap - inFlight.get(), ownership, lead, instance, Instant.now())
            .forEach(this::submit);
        nextAdopt = now + 2000;
      }
      boolean claimed = false;
      if (inFlight.get() <= cap && now >= nextClaim) {
        List<AgentCall.Work> batch =
            store.claim(id, cap * 2 - inFlight.get(), verify, ownership, lead, instance);
        batch.forEach(this::submit);
        claimed = !batch.isEmpty();
        nextClaim = claimed ? now : now + (lead ? 250 : 1000);
      }
      if (lead && !claimed && inFlight.get() == 0 && now >= nextDone) {
        flush();
        if (store.remaining(id) == 0) {
          finish(ChangeStatus.COMPLETED, null);
          return true;
        }
        nextDone = now + 500;
      }
      // until a worker's call ends (it unparks the driver) or the wait is up: a fixed sleep here
      // cost up to 100 ms per batch (issue 20: concurrency 1 took 105 ms per 50 ms call)
      long waitMs = claimed && inFlight.get() <= cap ? 20 : 100;
      LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(waitMs));
      if (Thread.interrupted()) {
        throw new InterruptedException();
      }
      return false;
    }

    /** Cancelled: the lead ends what nobody claimed, everyone finishes its calls in flight. */
    boolean cancel() throws InterruptedException {
      if (lead) {
        store.endPending(id, OutcomeStatus.CANCELLED, "Cancelled before the agent was called");
      }
      awaitInFlight();
      if (!lead) {
        return true;
      }
      if (store.remaining(id) > 0) {
        Thread.sleep(200); // another console's calls in flight: it records them
        return false;
      }
      finish(ChangeStatus.CANCELLED, "Cancelled; calls in flight were finished");
      return true;
    }

    void submit(AgentCall.Work w) {
      inFlight.incrementAndGet();
      try {
        workers.execute(
            () -> {
              try {
                AgentResult result =
                    locks.with(
                        w.agentId(),
                        () ->
                            w.recheck()
                                ? recheck(w)
                                : call.run(w, () -> cancelled || stopping, this::paused));
                if (notOurs(result, w.recheck())) {
                  store.backToPending(id, List.of(w.outcomeId()), instance);
                } else {
                  results.add(result);
                }
              } finally {
                if (inFlight.decrementAndGet() <= settings.concurrency()) {
                  LockSupport.unpark(driver);
                }
              }
            });
      } catch (RuntimeException rejected) {
        inFlight.decrementAndGet();
        store.backToPending(id, List.of(w.outcomeId()), instance);
        throw rejected;
      }
    }

    /**
     * Whether a result is not the agent's answer yet, so its outcome goes back to pending: the
     * console is stopping (not the change being cancelled); the agent's shard moved to another
     * console during the call; or this console's first sign-in of the agent (its shard was just
     * taken over, or the console just started) is still under way, within {@code
     * statedesk.bulk.sign-in-wait-seconds} of hosting it. Without the last rule a take-over of
     * hundreds of agents during a change ended those whose sign-in was queued behind the rate limit
     * "no session". (A read-back of a dead console's call waits for the sign-in itself, in {@link
     * #recheck}: sent back to pending it would lose its read-back.)
     */
    boolean notOurs(AgentResult result, boolean recheck) {
      if (result.status() == OutcomeStatus.CANCELLED && !cancelled) {
        return true;
      }
      if (result.status() != OutcomeStatus.NO_SESSION) {
        return false;
      }
      Ownership now = cluster.ownership();
      return (now.isHosted(result.agentId()) && !now.holds(result.agentId()))
          || (!recheck && sessions.signingIn(result.agentId(), settings.signInWait()));
    }

    /**
     * An outcome a dead console left in flight: read the agent's state back in its current session.
     * If it is the target, the call took effect and is not sent again; if it is not, the call is
     * made; with no session to read it within the reconcile wait, it ends "no session" rather than
     * being sent blind.
     */
    AgentResult recheck(AgentCall.Work w) {
      long deadline = System.currentTimeMillis() + settings.reconcileWait().toMillis();
      while (!stopping) {
        long left = Math.max(0, deadline - System.currentTimeMillis());
        // a sign-in under way (the shard was just taken over) is waited for past the reconcile wait
        boolean signingIn = sessions.signingIn(w.agentId(), settings.signInWait());
        Optional<AgentHandle> handle =
            sessions.awaitCurrent(
                w.agentId(), Duration.ofMillis(signingIn ? Math.max(left, 1000) : left));
        if (handle.isEmpty()) {
          if (signingIn) {
            continue;
          }
          break;
        }
        Optional<Optional<Integer>> state = ReadBack.read(gateway, handle.get(), limiter);
        if (state.isPresent()) {
          return ReadBack.matches(w.target(), state.get())
              ? new AgentResult(
                  w.outcomeId(),
                  w.agentId(),
                  w.target(),
                  OutcomeStatus.SUCCEEDED,
                  true,
                  "0",
                  CONFIRMED,
                  0,
                  0)
              : call.run(w, () -> cancelled || stopping, this::paused);
        }
        if (System.currentTimeMillis() >= deadline) {
          break;
        }
        try {
          Thread.sleep(1000); // a rotated or renewed session answers on the next try
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          break;
        }
      }
      return new AgentResult(
          w.outcomeId(),
          w.agentId(),
          w.target(),
          OutcomeStatus.NO_SESSION,
          false,
          null,
          "Interrupted by a restart, and no session to read the state back within "
              + settings.reconcileWait().toSeconds()
              + " s, so it was not sent again",
          0,
          0);
    }

    void paused() {
      pausedAt = System.currentTimeMillis();
    }

    void updatePause() {
      boolean open = !breaker.isClosed();
      if (open && pausedAt > 0 && shown != ChangeStatus.PAUSED) {
        show(
            ChangeStatus.PAUSED,
            "The gateway is unreachable ("
                + settings.breakerFailures()
                + " calls in a row failed); calls resume when it answers again");
      } else if (!open && shown == ChangeStatus.PAUSED) {
        pausedAt = 0;
        show(ChangeStatus.RUNNING, "Resumed: the gateway answers again");
      }
    }

    void show(ChangeStatus status, String detail) {
      store.status(id, status, detail);
      shown = status;
    }

    /**
     * Writes the results gathered so far once there are a worker pool's worth, once the oldest may
     * have waited {@link BulkEngine#FLUSH_MS}, or once no call is left in flight: a write costs the
     * same few statements for one result as for hundreds ({@link BulkStore#record}), and writing at
     * every step wrote one or two results at a time (issue 20).
     */
    void flushIfDue(long now) {
      if (results.isEmpty()) {
        lastFlush = now;
      } else if (inFlight.get() == 0
          || now - lastFlush >= FLUSH_MS
          || results.size() >= settings.concurrency()) {
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
          BulkStore.SetStates set = store.record(batch, instance);
          directoryWrites.setStates(set.states(), set.verified());
          progressed.fire(new ChangeProgressed(id));
        } catch (RuntimeException e) {
          results.addAll(batch);
          throw e;
        }
        batch.forEach(done -> metrics.agentFinished(done.status().name()));
      }
    }

    void awaitInFlight() throws InterruptedException {
      while (inFlight.get() > 0) {
        Thread.sleep(20);
        flushIfDue(System.currentTimeMillis());
      }
      flush();
    }

    void finish(ChangeStatus status, String detail) {
      finished = true;
      Counts c = store.counts(id);
      String summary =
          c.succeeded()
              + " succeeded ("
              + c.verified()
              + " verified), "
              + c.failed()
              + " failed, "
              + c.noSession()
              + " no session, "
              + c.skipped()
              + " skipped, "
              + c.cancelled()
              + " cancelled";
      store.status(id, status, detail == null ? summary : detail + ". " + summary);
      audit.record(
          "system", AuditAction.BULK_FINISHED, "change " + id, status + ": " + summary, null);
      LOG.info("Bulk change " + id + " " + status.name().toLowerCase() + ": " + summary);
    }
  }
}
