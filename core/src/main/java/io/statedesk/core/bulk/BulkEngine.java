package io.statedesk.core.bulk;

import dev.failsafe.CircuitBreaker;
import io.statedesk.core.cluster.Cluster;
import io.statedesk.core.gateway.AgentId;
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
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Runs bulk changes, never on a request thread: starts the gateway's guards (circuit breaker, the
 * console's share of the call rate) and the runs' threads ({@link ChangeRuns}), and offers the same
 * guarded calls to desired-state reconciliation ({@link #apply}, {@link #readBack}).
 *
 * <p>Every console takes part in every unfinished change: each has one driver per change ({@link
 * ChangeRun}) that claims, in batches, the pending outcomes of the agents whose sessions it holds
 * (row locks, {@code for update skip locked}, and an owner column: see {@link
 * OutcomeClaims#claim}), hands them to its worker pool of {@code statedesk.bulk.concurrency}
 * managed threads, and writes results back in batches, each conditional on still owning the
 * outcome. One console leads the change (its database lease): it also calls the agents no shard
 * covers, shows the change's status, and ends the change when no outcome is left. The leases are
 * renewed by a keeper of their own ({@link ChangeRuns}), never by the drive loop, so no long wait
 * in a driver lets a lease lapse. Outcomes left in flight by a console that died are taken over by
 * the console now holding those agents and read back before any call is sent again ({@link
 * TakeOver}).
 */
@ApplicationScoped
public class BulkEngine {

  private static final Logger LOG = Logger.getLogger(BulkEngine.class.getName());

  @Inject BulkSettings settings;
  @Inject BulkStore store;
  @Inject OutcomeClaims claims;
  @Inject OutcomeRecorder recorder;
  @Inject ResultWriter writer;
  @Inject ChangeEnding ending;
  @Inject AgentSessions agentSessions;
  @Inject GatewayClient client;
  @Inject BulkMetrics metrics;
  @Inject Event<BulkEngineStarted> started;
  @Inject Cluster cluster;
  @Inject LiveConsoles liveConsoles;

  private String instance = instanceName();
  private final AgentLocks locks = new AgentLocks();
  private volatile boolean stopping;
  private ChangeRuns runs;
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
    if (runs != null) {
      return;
    }
    instance = cluster.instance();
    runs = new ChangeRuns(threadFactory(), settings, store, instance, () -> stopping);
    gateway = GatewayPort.of(client);
    sessions = SessionPort.of(agentSessions);
    metrics.runningChanges(runs::size);
    breaker = newBreaker();
    // statedesk.bulk.rate-limit is the cluster's: each live console calls at its share
    limiter =
        settings.rateLimit() > 0
            ? new SharedRate(settings.rateLimit(), liveConsoles::get, Duration.ofMinutes(10))
            : null;
    cluster.reportBreaker(this::gatewayBreaker);
    call = new AgentCall(gateway, sessions, breaker, limiter, settings.call());
    runs.start(newContext());
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

  private CircuitBreaker<Object> newBreaker() {
    return CircuitBreaker.builder()
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
  }

  private RunContext newContext() {
    BooleanSupplier isStopping = () -> stopping;
    TakeOver takeOver =
        new TakeOver(
            sessions,
            gateway,
            limiter,
            call,
            cluster::ownership,
            settings.reconcileWait(),
            settings.signInWait(),
            isStopping);
    return new RunContext(
        instance,
        settings,
        store,
        claims,
        recorder,
        cluster,
        call,
        locks,
        breaker,
        runs.workers(),
        takeOver,
        writer,
        ending,
        isStopping);
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
   * Reads the agent's custom state back in its current session, or unknown when it has no usable
   * session or the read failed.
   */
  public Reading readBack(AgentId agentId) {
    if (sessions == null) {
      return Reading.UNKNOWN;
    }
    Optional<AgentHandle> handle = sessions.current(agentId);
    return handle.isEmpty() ? Reading.UNKNOWN : ReadBack.read(gateway, handle.get(), limiter);
  }

  /**
   * Sets (or clears) one agent's custom state outside any change, with the engine's retries,
   * breaker and rate limit, and reads it back: desired-state reconciliation. The agent's calls are
   * serialised with the changes' calls for it on this instance, and {@code stillWanted} is asked
   * under that lock: a change that claimed the agent meanwhile wins.
   *
   * @return the result, or empty when {@code stillWanted} said no
   */
  public Optional<AgentResult> apply(
      AgentId agentId, StateTarget target, BooleanSupplier stillWanted) {
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
  public <T> T underAgentLock(AgentId agentId, Supplier<T> work) {
    return locks.with(agentId, work);
  }

  /** Runs a newly made change on this instance, leading it if it can take its lease. */
  void launch(long id) {
    if (runs == null || stopping) {
      return; // the sweep of a running instance takes it up
    }
    runs.launch(id);
  }

  @PreDestroy
  synchronized void stop() {
    stopping = true;
    if (runs != null) {
      runs.stop();
    }
  }
}
