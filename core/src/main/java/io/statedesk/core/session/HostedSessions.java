package io.statedesk.core.session;

import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import io.statedesk.core.gateway.GatewaySettings;
import io.statedesk.core.gateway.LiveConsoles;
import io.statedesk.core.gateway.SharedRate;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The container's hosted-session pool, configured by {@code statedesk.sessions.hosted.*} and
 * started with the console (see {@code io.statedesk.core.startup.ConsoleStartup}).
 */
@ApplicationScoped
public class HostedSessions {

  private static final Logger LOG = Logger.getLogger(HostedSessions.class.getName());

  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.enabled", defaultValue = "false")
  boolean enabled;

  /** Agent ids and ranges, e.g. {@code 10001-10300,20001}. */
  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.agents", defaultValue = " ")
  String agents;

  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.sign-in-mode", defaultValue = "loginex")
  String signInMode;

  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.force", defaultValue = "false")
  boolean force;

  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.sign-in-rate", defaultValue = "50")
  int signInRate;

  /** Threads of the dedicated sign-in executor (each waits for one gateway answer at a time). */
  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.sign-in-threads", defaultValue = "4")
  int signInThreads;

  /** How often an agent that another desktop holds is tried again (never by force). */
  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.taken-over-retry-seconds", defaultValue = "60")
  int takenOverRetrySeconds;

  /** The gateway's session timeout (its MAXTIME): how long a session outlives its last poll. */
  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.session-timeout-seconds", defaultValue = "120")
  int sessionTimeoutSeconds;

  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.poll-pause-ms", defaultValue = "300")
  long pollPauseMs;

  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.sign-out-on-stop", defaultValue = "true")
  boolean signOutOnStop;

  /**
   * Several consoles divide the hosted agents by shards: start with none, the cluster adds them.
   */
  @Inject
  @ConfigProperty(name = "statedesk.cluster.enabled", defaultValue = "false")
  boolean clustered;

  @Inject HostedCredentialsConfig credentialsConfig;
  @Inject GatewaySettings gateway;
  @Inject GatewayClient client;
  @Inject SessionStore store;
  @Inject Event<SessionStarted> sessionStarted;
  @Inject SessionHolds holds;
  @Inject ConsoleId consoleId;
  @Inject SessionTimers timers;
  @Inject LiveConsoles liveConsoles;

  private volatile HostedSessionPool pool;
  private volatile SharedRate signInShare;
  private ExecutorService signInExecutor;
  private ScheduledFuture<?> holdRefresh;

  /**
   * Starts the hold records' refresh (hosted and relayed sessions) and, if hosted sessions are
   * enabled, the pool; safe to call again.
   */
  public synchronized void start() {
    startPool(); // first: it reads this console's records from before a restart
    if (holdRefresh == null) {
      holdRefresh = refreshHolds(consoleId.get(), Duration.ofSeconds(sessionTimeoutSeconds));
    }
  }

  private void startPool() {
    if (!enabled || pool != null) {
      return;
    }
    Duration sessionTimeout = Duration.ofSeconds(sessionTimeoutSeconds);
    PoolSettings settings =
        new PoolSettings(
            parseAgents(agents),
            SignInMode.valueOf(signInMode.trim().toUpperCase(Locale.ROOT)),
            force,
            gateway.authMode(),
            signInRate,
            Duration.ofMillis(pollPauseMs),
            Duration.ofMillis(500),
            Duration.ofSeconds(30),
            Duration.ofSeconds(takenOverRetrySeconds),
            sessionTimeout,
            RECLAIM_RETRY.compareTo(sessionTimeout) < 0 ? RECLAIM_RETRY : sessionTimeout,
            signOutOnStop);
    signInExecutor = signInExecutor(signInThreads);
    // the sign-in rate is the cluster's: each live console signs in at its share
    SharedRate share = new SharedRate(signInRate, liveConsoles::get, null);
    signInShare = share;
    pool =
        new HostedSessionPool(
            client,
            store,
            new PoolThreads(PoolTimer.of(timers.get()), signInExecutor, share::acquirePermit),
            settings,
            credentialsConfig.credentials(),
            Clock.systemUTC());
    // plain Java pool, CDI event: observers run asynchronously, never on a sign-in thread
    pool.addSessionListener(sessionStarted::fireAsync);
    String console = consoleId.get();
    Set<Integer> reclaim = new TreeSet<>(holds.heldAfter(console, Instant.now()));
    reclaim.retainAll(settings.agents());
    pool.start(clustered ? Set.of() : settings.agents(), reclaim);
  }

  /**
   * Writes "held by this console until now + session timeout" for the live agents every few seconds
   * (a quarter of the session timeout at most): the hosted agents with a live session, so that a
   * restart after an unclean stop knows exactly its own sessions, and the relayed agents whose
   * desktop pushed their session here, so that the other consoles of a cluster leave their calls to
   * this one (issue 19). Why so often: an agent a desktop took over must lose its record before a
   * restart could take it back by force, and a refresh where nothing changed is one {@code update}
   * statement.
   */
  private ScheduledFuture<?> refreshHolds(String console, Duration sessionTimeout) {
    ScheduledExecutorService scheduler = timers.get();
    long period = Math.max(1, Math.min(HOLD_REFRESH.toMillis(), sessionTimeout.toMillis() / 4));
    return scheduler.scheduleWithFixedDelay(
        () -> {
          try {
            HostedSessionPool started = pool;
            Set<Integer> live = new TreeSet<>(started == null ? Set.of() : started.live());
            for (SessionEntry e : store.all()) {
              if (e.isUsable() && e.handle().source() == SessionSource.RELAYED) {
                live.add(e.agentId());
              }
            }
            holds.refresh(console, live, Instant.now().plus(sessionTimeout));
          } catch (RuntimeException e) {
            holds.forget();
            LOG.log(Level.WARNING, "Could not record the hosted sessions' hold records", e);
          }
        },
        period / 4,
        period,
        TimeUnit.MILLISECONDS);
  }

  /** How often the hold records are written at most: see {@link #refreshHolds}. */
  static final Duration HOLD_REFRESH = Duration.ofSeconds(5);

  /** Retry delay for 100-002 right after start (this console's own old session, probably). */
  static final Duration RECLAIM_RETRY = Duration.ofSeconds(15);

  /**
   * A fixed pool of container-managed threads (Jakarta Concurrency's default thread factory), so
   * that sign-ins never wait on, or block, the shared scheduler that runs polls and syncs.
   */
  private static ExecutorService signInExecutor(int threads) {
    ManagedThreadFactory factory = lookup("java:comp/DefaultManagedThreadFactory");
    return new ThreadPoolExecutor(
        threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
  }

  /** What is wrong with the settings, one line each; empty when fine or disabled. */
  public List<String> problems() {
    if (!enabled) {
      return List.of();
    }
    List<String> problems = new ArrayList<>();
    try {
      if (parseAgents(agents).isEmpty()) {
        problems.add(
            "statedesk.sessions.hosted.agents is empty: list agent ids or ranges, e.g. 10001-10300");
      }
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (!Set.of("LOGIN", "LOGINEX").contains(signInMode.trim().toUpperCase(Locale.ROOT))) {
      problems.add(
          "statedesk.sessions.hosted.sign-in-mode must be login or loginex, was " + signInMode);
    }
    if (signInRate < 1) {
      problems.add("statedesk.sessions.hosted.sign-in-rate must be at least 1, was " + signInRate);
    }
    if (signInThreads < 1 || signInThreads > 64) {
      problems.add("statedesk.sessions.hosted.sign-in-threads must be 1..64, was " + signInThreads);
    }
    if (sessionTimeoutSeconds < 10) {
      problems.add(
          "statedesk.sessions.hosted.session-timeout-seconds must be at least 10 (the gateway's"
              + " MAXTIME, 120 by default), was "
              + sessionTimeoutSeconds);
    }
    if (takenOverRetrySeconds < 5) {
      problems.add(
          "statedesk.sessions.hosted.taken-over-retry-seconds must be at least 5, was "
              + takenOverRetrySeconds);
    }
    problems.addAll(credentialsConfig.problems());
    consoleId.problem().ifPresent(problems::add);
    return problems;
  }

  /** The configured hosted agents (every console of a cluster configures the same). */
  public Set<Integer> configuredAgents() {
    return enabled ? parseAgents(agents) : Set.of();
  }

  /**
   * Starts hosting {@code ids} (the cluster gave this console their shard). Sessions any console of
   * this cluster held until after now are taken over by force: they are ours, left by a console
   * that died or let them go; any other session is someone else's and is never forced.
   */
  public void host(Set<Integer> ids) {
    HostedSessionPool p = pool;
    if (p != null && !ids.isEmpty()) {
      p.host(ids, holds.heldByAnyAfter(ids, Instant.now()));
    }
  }

  /** Stops hosting {@code ids} (their shard went to another console). */
  public void drop(Set<Integer> ids) {
    HostedSessionPool p = pool;
    if (p != null && !ids.isEmpty()) {
      p.drop(ids);
    }
  }

  /** This console's share of the cluster's sign-in rate now, per second; 0 when not hosting. */
  public int signInRate() {
    SharedRate share = signInShare;
    return share == null ? 0 : share.perSecond();
  }

  public Optional<HostedSessionPool> pool() {
    return Optional.ofNullable(pool);
  }

  @PreDestroy
  synchronized void stop() {
    if (holdRefresh != null) {
      holdRefresh.cancel(false);
      holdRefresh = null;
    }
    HostedSessionPool closing = pool;
    if (closing != null) {
      closing.close();
      pool = null;
    }
    // hosted agents signed out, or none: relayed Guids lived only in this console's memory
    if (closing == null || signOutOnStop) {
      try {
        holds.releaseAll(consoleId.get());
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not clear the hold records at stop", e);
      }
    }
    if (signInExecutor != null) {
      signInExecutor.shutdownNow();
      signInExecutor = null;
    }
  }

  @SuppressWarnings("unchecked")
  private static <T> T lookup(String name) {
    try {
      return (T) InitialContext.doLookup(name);
    } catch (NamingException e) {
      throw new IllegalStateException("No " + name, e);
    }
  }

  /**
   * Parses {@code 10001-10300,20001}.
   *
   * @throws IllegalArgumentException naming the bad part
   */
  public static Set<Integer> parseAgents(String spec) {
    Set<Integer> ids = new LinkedHashSet<>();
    for (RelayScope.Range range :
        AgentRanges.parse(
            spec,
            why ->
                new IllegalArgumentException(
                    "statedesk.sessions.hosted.agents: " + why.english()))) {
      for (int id = range.from(); id <= range.to(); id++) {
        ids.add(id);
      }
    }
    return ids;
  }
}
