package io.statedesk.core.bulk;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.RateLimiter;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.session.AgentHandle;
import io.statedesk.core.session.AgentSessions;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
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
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Runs bulk changes, never on a request thread.
 *
 * <p>Each running change has one driver that claims pending outcomes in small batches (marking them
 * in flight in the database before any call), hands them to the instance's worker pool of {@code
 * statedesk.bulk.concurrency} managed threads, and writes results back in batches. A change runs on
 * the instance that holds its database lease; the lease is renewed while it runs and given up on
 * undeploy. A sweep takes up changes whose lease expired (a crashed instance, or this one before a
 * restart): outcomes left in flight are read back first, and only those that did not take effect
 * are sent again.
 */
@ApplicationScoped
public class BulkEngine {

  private static final Logger LOG = Logger.getLogger(BulkEngine.class.getName());

  @Inject BulkSettings settings;
  @Inject BulkStore store;
  @Inject AgentSessions agentSessions;
  @Inject GatewayClient client;
  @Inject AuditLog audit;
  @Inject BulkMetrics metrics;
  @Inject jakarta.enterprise.event.Event<BulkEngineStarted> started;

  private final String instance = instanceName();
  private final Map<Long, Run> running = new ConcurrentHashMap<>();
  private final AgentLocks locks = new AgentLocks();
  private volatile boolean stopping;
  private ExecutorService workers;
  private ExecutorService drivers;
  private ScheduledExecutorService sweeper;
  private CircuitBreaker<Object> breaker;
  private AgentCall call;
  private GatewayPort gateway;
  private SessionPort sessions;
  private RateLimiter<Object> limiter;

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
    ManagedThreadFactory threads = threadFactory();
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
    limiter =
        settings.rateLimit() > 0
            ? RateLimiter.smoothBuilder(settings.rateLimit(), Duration.ofSeconds(1))
                .withMaxWaitTime(Duration.ofMinutes(10))
                .build()
            : null;
    call = new AgentCall(gateway, sessions, breaker, limiter, settings.call());
    long period = Math.max(2, settings.lease().toSeconds() / 3);
    sweeper.scheduleWithFixedDelay(
        this::sweep, Math.max(1, settings.resumeDelay().toSeconds()), period, TimeUnit.SECONDS);
    LOG.info(
        "Bulk engine "
            + instance
            + " started: "
            + settings.concurrency()
            + " calls at a time"
            + (limiter == null ? "" : ", at most " + settings.rateLimit() + " per second"));
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

  /** Runs a newly made change on this instance if it can take its lease. */
  void launch(long id) {
    if (workers == null || stopping) {
      return; // the sweep of a running instance takes it up
    }
    Instant now = Instant.now();
    if (!running.containsKey(id) && store.tryLease(id, instance, now.plus(settings.lease()), now)) {
      Run run = new Run(id, false);
      if (running.putIfAbsent(id, run) == null) {
        drivers.execute(run::drive);
      }
    }
  }

  /** Takes up unfinished changes whose lease is free or expired. */
  void sweep() {
    if (stopping) {
      return;
    }
    try {
      Instant now = Instant.now();
      for (long id : store.orphans(now)) {
        if (!running.containsKey(id)
            && store.tryLease(id, instance, now.plus(settings.lease()), now)) {
          Run run = new Run(id, true);
          if (running.putIfAbsent(id, run) == null) {
            LOG.info("Bulk change " + id + ": taken up after its instance stopped; reconciling");
            drivers.execute(run::drive);
          }
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Bulk change sweep failed; trying again later", e);
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
    workers.shutdownNow();
    drivers.shutdownNow();
  }

  /** One change being driven on this instance. */
  private final class Run {
    final long id;
    final boolean recovered;
    final AtomicInteger inFlight = new AtomicInteger();
    final ConcurrentLinkedQueue<AgentResult> results = new ConcurrentLinkedQueue<>();

    /** Woken by a worker when its agent leaves no more queued than the workers can take. */
    volatile Thread driver;

    volatile boolean cancelled;
    volatile long pausedAt;
    ChangeStatus shown = ChangeStatus.QUEUED;

    Run(long id, boolean recovered) {
      this.id = id;
      this.recovered = recovered;
    }

    void drive() {
      driver = Thread.currentThread();
      try {
        Optional<BulkChange> found = store.find(id);
        if (found.isEmpty()) {
          return;
        }
        BulkChange change = found.get();
        boolean verify = change.isVerify();
        if (recovered) {
          reconcile();
          if (!settings.resumeAfterRestart()) {
            int ended = store.endPending(id, OutcomeStatus.CANCELLED, "Interrupted by a restart");
            finish(
                ChangeStatus.INTERRUPTED,
                "Interrupted by a restart; "
                    + ended
                    + " agent(s) were not called (statedesk.bulk.resume-after-restart=false)");
            return;
          }
        }
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
        int cap = settings.concurrency();
        boolean exhausted = false;
        long nextLease = System.currentTimeMillis() + settings.lease().toMillis() / 3;
        long nextCancelCheck = 0;
        while (true) {
          flush();
          long nowMs = System.currentTimeMillis();
          if (nowMs >= nextLease) {
            Instant now = Instant.now();
            if (!store.tryLease(id, instance, now.plus(settings.lease()), now)) {
              LOG.warning("Bulk change " + id + ": lease lost to another instance; stopping here");
              awaitInFlight();
              return;
            }
            nextLease = nowMs + settings.lease().toMillis() / 3;
          }
          if (!cancelled && nowMs >= nextCancelCheck) {
            cancelled = store.cancelRequested(id);
            nextCancelCheck = nowMs + 300;
          }
          if (stopping) {
            awaitInFlight();
            store.releaseLease(id, instance);
            LOG.info("Bulk change " + id + ": instance stopping; another start will resume it");
            return;
          }
          if (cancelled) {
            store.endPending(id, OutcomeStatus.CANCELLED, "Cancelled before the agent was called");
            awaitInFlight();
            finish(ChangeStatus.CANCELLED, "Cancelled; calls in flight were finished");
            return;
          }
          updatePause();
          if (!exhausted && inFlight.get() <= cap) {
            List<AgentCall.Work> batch = store.claim(id, cap * 2 - inFlight.get(), verify);
            if (batch.isEmpty()) {
              exhausted = true;
            }
            for (AgentCall.Work w : batch) {
              submit(w);
            }
          }
          if (exhausted && inFlight.get() == 0) {
            flush();
            finish(ChangeStatus.COMPLETED, null);
            return;
          }
          // until a worker takes the last queued agent (see submit), so that the next batch is
          // queued before any worker idles; a fixed sleep here cost up to 100 ms per batch (issue
          // 20: concurrency 1 took 105 ms per 50 ms call)
          long waitMs = exhausted || inFlight.get() > cap ? 100 : 20;
          LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(waitMs));
          if (Thread.interrupted()) {
            throw new InterruptedException();
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        flush();
      } catch (RuntimeException e) {
        LOG.log(Level.SEVERE, "Bulk change " + id + " stopped by an unexpected failure", e);
        try {
          flush();
          store.releaseLease(id, instance);
        } catch (RuntimeException again) {
          LOG.log(Level.WARNING, "Bulk change " + id + ": could not release its lease", again);
        }
      } finally {
        running.remove(id);
      }
    }

    void submit(AgentCall.Work w) {
      inFlight.incrementAndGet();
      try {
        workers.execute(
            () -> {
              try {
                AgentResult result =
                    locks.with(
                        w.agentId(), () -> call.run(w, () -> cancelled || stopping, this::paused));
                if (result.status() == OutcomeStatus.CANCELLED && !cancelled) {
                  // the instance is stopping, not the change: leave the agent to the next run
                  store.backToPending(List.of(w.outcomeId()));
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
        store.backToPending(List.of(w.outcomeId()));
        throw rejected;
      }
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

    void flush() {
      List<AgentResult> batch = new ArrayList<>();
      AgentResult r;
      while ((r = results.poll()) != null) {
        batch.add(r);
      }
      if (!batch.isEmpty()) {
        store.record(batch);
        batch.forEach(done -> metrics.agentFinished(done.status().name()));
      }
    }

    void awaitInFlight() throws InterruptedException {
      while (inFlight.get() > 0) {
        Thread.sleep(20);
        flush();
      }
      flush();
    }

    void finish(ChangeStatus status, String detail) {
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
      audit.record("system", "bulk.finished", "change " + id, status + ": " + summary, null);
      LOG.info("Bulk change " + id + " " + status.name().toLowerCase() + ": " + summary);
    }

    /**
     * Outcomes in flight when the previous instance stopped: read back each agent's state. If it is
     * the target, the call took effect and is recorded as succeeded without sending it again; if it
     * is not, the outcome goes back to pending; if it cannot be read within the reconcile wait (no
     * session), it ends as "no session" rather than being sent blind.
     */
    void reconcile() throws InterruptedException {
      List<AgentCall.Work> left = store.inFlight(id);
      if (left.isEmpty()) {
        return;
      }
      long deadline = System.currentTimeMillis() + settings.reconcileWait().toMillis();
      List<AgentCall.Work> open = new ArrayList<>(left);
      int confirmed = 0;
      int resend = 0;
      while (!open.isEmpty()) {
        List<AgentCall.Work> waiting = new ArrayList<>();
        List<Long> back = new ArrayList<>();
        List<AgentResult> done = new ArrayList<>();
        for (AgentCall.Work w : open) {
          Optional<Optional<Integer>> state = readBack(w.agentId());
          if (state.isEmpty()) {
            waiting.add(w);
            continue;
          }
          if (ReadBack.matches(w.target(), state.get())) {
            done.add(
                new AgentResult(
                    w.outcomeId(),
                    w.agentId(),
                    w.target(),
                    OutcomeStatus.SUCCEEDED,
                    true,
                    "0",
                    "Confirmed by a read-back after a restart (not sent again)",
                    0,
                    0));
            confirmed++;
          } else {
            back.add(w.outcomeId());
            resend++;
          }
        }
        if (!done.isEmpty()) {
          store.record(done);
        }
        if (!back.isEmpty()) {
          store.backToPending(back);
        }
        open = waiting;
        if (!open.isEmpty()) {
          if (System.currentTimeMillis() >= deadline || stopping) {
            List<AgentResult> unknown = new ArrayList<>();
            for (AgentCall.Work w : open) {
              unknown.add(
                  new AgentResult(
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
                      0));
            }
            store.record(unknown);
            break;
          }
          Thread.sleep(1000);
        }
      }
      int unknownCount = left.size() - confirmed - resend;
      LOG.info(
          "Bulk change "
              + id
              + " reconciled "
              + left.size()
              + " outcome(s) left in flight: "
              + confirmed
              + " had taken effect, "
              + resend
              + " will be sent again, "
              + unknownCount
              + " could not be read back");
    }
  }
}
