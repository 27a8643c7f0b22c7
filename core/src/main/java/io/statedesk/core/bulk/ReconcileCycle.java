package io.statedesk.core.bulk;

import dev.failsafe.RateLimiter;
import io.statedesk.core.desired.DesiredSettings;
import io.statedesk.core.desired.DesiredStore;
import io.statedesk.core.desired.ManagedThreads;
import io.statedesk.core.gateway.AgentId;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The slow background read-back that notices drift from outside: every {@code
 * statedesk.desired.check-period-seconds} it reconciles the next agents with a desired state, in
 * agent-id order round the whole set, at most {@code statedesk.desired.check-rate} read-backs per
 * second. Its gateway cost is therefore fixed by configuration, whatever the number of agents: each
 * agent is read back once every (agents / rate) seconds.
 */
@ApplicationScoped
public class ReconcileCycle {

  private static final Logger LOG = Logger.getLogger(ReconcileCycle.class.getName());

  @Inject DesiredSettings settings;
  @Inject DesiredStore desired;
  @Inject Reconciler reconciler;

  private ScheduledExecutorService timer;
  private RateLimiter<Object> limiter;
  private volatile int cursor;
  private final AtomicLong wraps = new AtomicLong();
  private volatile boolean stopping;
  private final Map<Reconciler.Result, Long> totals = new EnumMap<>(Reconciler.Result.class);

  void onEngineStarted(@Observes BulkEngineStarted started) {
    start();
  }

  /**
   * Reconciles the new sessions of the start-up that came before the engine could call, then starts
   * the background rounds (none when the period is 0); no-op when started already.
   */
  public synchronized void start() {
    if (timer != null) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(ManagedThreads.factory());
    timer.execute(reconciler::reconcileEarly);
    Duration period = settings.checkPeriod();
    if (period.isZero()) {
      LOG.info("Desired-state background read-back off; drift from outside is not looked for");
      return;
    }
    limiter =
        RateLimiter.smoothBuilder(Duration.ofNanos((long) (1_000_000_000L / settings.checkRate())))
            .withMaxWaitTime(period.multipliedBy(2))
            .build();
    timer.scheduleWithFixedDelay(
        this::round, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    LOG.info(
        "Desired-state read-back every "
            + period.toSeconds()
            + " s, at most "
            + settings.checkRate()
            + " per second; drift is "
            + (settings.overwriteDrift() ? "set back" : "reported only"));
  }

  /** One round: up to rate x period agents after the cursor, wrapping round at the end. */
  void round() {
    try {
      int budget = settings.checksPerRound();
      List<Integer> agents = desired.agentsAfter(cursor, budget);
      boolean last = agents.size() < budget;
      cursor = last ? 0 : agents.get(agents.size() - 1);
      for (int agent : agents) {
        if (stopping) {
          return;
        }
        limiter.acquirePermit();
        try {
          count(reconciler.reconcile(new AgentId(agent), Reconciler.Cause.CHECK));
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "Could not read back agent " + agent + "; going on", e);
        }
      }
      if (last) {
        wraps.incrementAndGet(); // every agent with a desired state has been read back once more
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Desired-state read-back round failed; trying again later", e);
    }
  }

  private synchronized void count(Reconciler.Result result) {
    totals.merge(result, 1L, Long::sum);
  }

  /** How many times the read-back has gone round every agent with a desired state. */
  public long wraps() {
    return wraps.get();
  }

  /** What the background read-back found since start-up, by result (for the system page). */
  public synchronized Map<Reconciler.Result, Long> totals() {
    return Map.copyOf(totals);
  }

  @PreDestroy
  synchronized void stop() {
    stopping = true;
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
