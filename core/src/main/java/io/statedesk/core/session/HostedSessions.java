package io.statedesk.core.session;

import io.statedesk.core.gateway.GatewayClient;
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
import java.util.List;
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

/**
 * The container's hosted-session pool, configured by {@code statedesk.sessions.hosted.*} (read and
 * checked by {@link HostedSessionSettings}) and started with the console (see {@code
 * io.statedesk.core.startup.ConsoleStartup}).
 */
@ApplicationScoped
public class HostedSessions {

  private static final Logger LOG = Logger.getLogger(HostedSessions.class.getName());

  @Inject HostedSessionSettings settings;
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
      holdRefresh = refreshHolds(consoleId.get(), settings.sessionTimeout());
    }
  }

  private void startPool() {
    if (!settings.enabled() || pool != null) {
      return;
    }
    PoolSettings poolSettings = settings.poolSettings(gateway.authMode());
    signInExecutor = signInExecutor(settings.signInThreads());
    // the sign-in rate is the cluster's: each live console signs in at its share
    SharedRate share = new SharedRate(settings.signInRate(), liveConsoles::get, null);
    signInShare = share;
    pool =
        new HostedSessionPool(
            client,
            store,
            new PoolThreads(PoolTimer.of(timers.get()), signInExecutor, share::acquirePermit),
            poolSettings,
            credentialsConfig.credentials(),
            Clock.systemUTC());
    // plain Java pool, CDI event: observers run asynchronously, never on a sign-in thread
    pool.addSessionListener(sessionStarted::fireAsync);
    String console = consoleId.get();
    Set<Integer> reclaim = new TreeSet<>(holds.heldAfter(console, Instant.now()));
    reclaim.retainAll(poolSettings.agents());
    pool.start(settings.clustered() ? Set.of() : poolSettings.agents(), reclaim);
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
    if (!settings.enabled()) {
      return List.of();
    }
    List<String> problems = new ArrayList<>(settings.problems());
    problems.addAll(credentialsConfig.problems());
    consoleId.problem().ifPresent(problems::add);
    return problems;
  }

  /** The configured hosted agents (every console of a cluster configures the same). */
  public Set<Integer> configuredAgents() {
    return settings.enabled() ? settings.agents() : Set.of();
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
    if (closing == null || settings.signOutOnStop()) {
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
}
