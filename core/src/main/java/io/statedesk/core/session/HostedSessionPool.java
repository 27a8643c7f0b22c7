package io.statedesk.core.session;

import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.gateway.GatewayException;
import io.statedesk.core.gateway.GatewayRecords.GatewayEvent;
import io.statedesk.core.gateway.GatewayRecords.PollResult;
import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import io.statedesk.core.gateway.GatewayRecords.SignInRequest;
import io.statedesk.core.gateway.GatewayRecords.SignInResult;
import io.statedesk.core.gateway.GatewayRejectedException;
import io.statedesk.core.gateway.RetcodeClass;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hosted sessions: the console signs agents in itself and keeps every session alive with the event
 * long-poll (gateway-api.md sections 3 and 7, Option A of section 12).
 *
 * <p>No thread per agent: each agent is a small state machine driven by a shared scheduler and by
 * the completion of its asynchronous poll. A poll's {@code Set-GUID} replaces the handle's Guid
 * (AUTHMODE 2); a stale-session retcode on a poll means the gateway ended the session (idle
 * sign-out, forced sign-in elsewhere), and the agent is signed in again, by forced sign-in when the
 * session was ours. Plain Java (no container types) so that the benchmark and tests drive it in a
 * plain JVM.
 */
public final class HostedSessionPool implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(HostedSessionPool.class.getName());

  /**
   * How the pool behaves.
   *
   * @param agents the agents to host
   * @param mode sign-in interface for a first sign-in ({@code LOGINEX} uses no media licence)
   * @param forceIfElsewhere take over sessions held by another desktop (100-002) with forced
   *     sign-in
   * @param assumedAuthMode the gateway's AUTHMODE until a rotation proves it is 2
   * @param signInRate sign-ins per second at start, so that thousands do not arrive at once
   * @param pollPause pause after each poll answer (the docs suggest 200-500 ms)
   * @param retryMin first retry delay after a transient failure
   * @param retryMax longest retry delay
   * @param refusedRetry retry delay after a refused sign-in (elsewhere, wrong password)
   * @param signOutOnStop sign hosted agents out when the console stops
   */
  public record Settings(
      Set<Integer> agents,
      SignInMode mode,
      boolean forceIfElsewhere,
      int assumedAuthMode,
      int signInRate,
      Duration pollPause,
      Duration retryMin,
      Duration retryMax,
      Duration refusedRetry,
      boolean signOutOnStop) {

    public Settings {
      agents = Set.copyOf(agents);
      if (signInRate < 1) {
        throw new IllegalArgumentException("signInRate must be at least 1 per second");
      }
    }
  }

  /** Where hosted agents' passwords come from. Implementations never log them. */
  public interface Credentials {
    Optional<String> passwordOf(int agentId);
  }

  private final GatewayClient client;
  private final SessionStore store;
  private final ScheduledExecutorService scheduler;
  private final Settings settings;
  private final Credentials credentials;
  private final Clock clock;
  private final Map<Integer, Hosted> agents = new ConcurrentHashMap<>();
  private final List<Consumer<GatewayEvent>> listeners = new CopyOnWriteArrayList<>();
  private volatile boolean stopped;

  /** The per-agent state; guarded by its own monitor. */
  private static final class Hosted {
    final int id;
    int failures;
    boolean owned;
    CompletableFuture<Void> signingIn;

    Hosted(int id) {
      this.id = id;
    }
  }

  public HostedSessionPool(
      GatewayClient client,
      SessionStore store,
      ScheduledExecutorService scheduler,
      Settings settings,
      Credentials credentials,
      Clock clock) {
    this.client = client;
    this.store = store;
    this.scheduler = scheduler;
    this.settings = settings;
    this.credentials = credentials;
    this.clock = clock;
  }

  /** Signs every configured agent in, {@code signInRate} per second, then keeps them alive. */
  public void start() {
    long spacingMicros = 1_000_000L / settings.signInRate();
    int i = 0;
    for (int agentId : new TreeSet<>(settings.agents())) {
      Hosted hosted = agents.computeIfAbsent(agentId, Hosted::new);
      store.update(
          agentId,
          e -> e != null ? e : SessionEntry.none(agentId, SessionSource.HOSTED, "signing in"));
      scheduler.schedule(() -> signIn(hosted), i++ * spacingMicros, TimeUnit.MICROSECONDS);
    }
    LOG.info(
        () ->
            "Hosted sessions: signing in "
                + settings.agents().size()
                + " agents, "
                + settings.signInRate()
                + " per second");
  }

  /** Called with every event any hosted session receives (e.g. to update agent states). */
  public void addListener(Consumer<GatewayEvent> listener) {
    listeners.add(listener);
  }

  /**
   * A usable handle for a hosted agent whose session is being re-established (it ended and a new
   * sign-in is running or due), waiting at most {@code wait}; empty at once when the agent has no
   * such prospect (not hosted, no credentials, sign-in refused).
   *
   * <p>Why: the pool's own poll may notice a session's end a moment before a bulk change reaches
   * the agent; without the wait the agent ended as "no session" while its new session was seconds
   * away.
   */
  public Optional<AgentHandle> awaitUsable(int agentId, Duration wait) {
    Hosted hosted = agents.get(agentId);
    if (hosted == null || stopped) {
      return Optional.empty();
    }
    long end = System.nanoTime() + wait.toNanos();
    while (true) {
      Optional<SessionEntry> entry = store.get(agentId);
      if (entry.isPresent() && entry.get().isUsable()) {
        return Optional.of(entry.get().handle());
      }
      boolean pending;
      synchronized (hosted) {
        pending = hosted.signingIn != null;
      }
      boolean stale = entry.isPresent() && entry.get().availability() == Availability.STALE;
      if ((!pending && !stale) || System.nanoTime() > end || stopped) {
        return Optional.empty();
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
  }

  public boolean hosts(int agentId) {
    return agents.containsKey(agentId);
  }

  public Set<Integer> agents() {
    return settings.agents();
  }

  /**
   * A fresh handle after {@code stale} was refused by the gateway: the rotated one if a poll
   * already brought it, else the result of signing in again now (waiting at most {@code wait}).
   */
  public Optional<AgentHandle> renew(AgentHandle stale, Duration wait) {
    Hosted hosted = agents.get(stale.agentId());
    if (hosted == null || stopped) {
      return Optional.empty();
    }
    Optional<SessionEntry> entry = store.get(stale.agentId());
    if (entry.isPresent()
        && entry.get().isUsable()
        && !entry.get().handle().guid().equals(stale.guid())) {
      return Optional.of(entry.get().handle());
    }
    markStale(stale, "refused by the gateway");
    CompletableFuture<Void> pending;
    synchronized (hosted) {
      pending = hosted.signingIn;
    }
    if (pending == null) {
      signIn(hosted);
    } else {
      try {
        pending.get(wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (TimeoutException | java.util.concurrent.ExecutionException e) {
        return Optional.empty();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Optional.empty();
      }
    }
    return store.get(stale.agentId()).filter(SessionEntry::isUsable).map(SessionEntry::handle);
  }

  // -------------------------------------------------------------------------------- sign-in

  private void signIn(Hosted hosted) {
    if (stopped) {
      return;
    }
    CompletableFuture<Void> done = new CompletableFuture<>();
    boolean owned;
    synchronized (hosted) {
      if (hosted.signingIn != null) {
        return;
      }
      hosted.signingIn = done;
      owned = hosted.owned;
    }
    try {
      Optional<String> password = credentials.passwordOf(hosted.id);
      if (password.isEmpty()) {
        store.put(
            SessionEntry.none(
                hosted.id, SessionSource.HOSTED, "no credentials configured for this agent"));
        return;
      }
      SignInResult result =
          signIn(hosted.id, password.get(), owned ? SignInMode.FORCE : settings.mode());
      if (result == null) {
        return;
      }
      AgentHandle handle =
          new AgentHandle(
              hosted.id,
              result.auth().guid(),
              result.auth().cookie(),
              settings.assumedAuthMode(),
              SessionSource.HOSTED,
              clock.instant());
      store.put(SessionEntry.live(handle));
      synchronized (hosted) {
        hosted.owned = true;
        hosted.failures = 0;
      }
      schedulePoll(hosted, Duration.ZERO);
    } catch (GatewayRejectedException e) {
      boolean refused =
          e.retcodeClass() == RetcodeClass.INVALID_REQUEST
              || e.retcodeClass() == RetcodeClass.UNKNOWN;
      store.put(
          SessionEntry.none(hosted.id, SessionSource.HOSTED, "sign-in refused: " + e.retcode()));
      scheduleSignIn(hosted, refused ? settings.refusedRetry() : backoff(hosted));
    } catch (GatewayException e) {
      store.update(
          hosted.id,
          old ->
              old != null && old.handle() != null
                  ? old.stale("gateway unavailable: " + e.getMessage())
                  : SessionEntry.none(hosted.id, SessionSource.HOSTED, "gateway unavailable"));
      scheduleSignIn(hosted, backoff(hosted));
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Hosted sign-in of agent " + hosted.id + " failed unexpectedly", e);
      scheduleSignIn(hosted, backoff(hosted));
    } finally {
      synchronized (hosted) {
        hosted.signingIn = null;
      }
      done.complete(null);
    }
  }

  /** One sign-in; {@code null} when the agent is signed in elsewhere and we may not take over. */
  private SignInResult signIn(int agentId, String password, SignInMode mode) {
    SignInRequest request = new SignInRequest(password, null, 4);
    try {
      return client.signIn(agentId, request, mode);
    } catch (GatewayRejectedException e) {
      if (!"100-002".equals(e.retcode().code())) {
        throw e;
      }
      if (settings.forceIfElsewhere()) {
        return client.signIn(agentId, request, SignInMode.FORCE);
      }
      store.put(SessionEntry.none(agentId, SessionSource.HOSTED, "signed in elsewhere (100-002)"));
      scheduleSignIn(agents.get(agentId), settings.refusedRetry());
      return null;
    }
  }

  // ---------------------------------------------------------------------------------- polls

  private void poll(Hosted hosted) {
    if (stopped) {
      return;
    }
    Optional<SessionEntry> entry = store.get(hosted.id);
    if (entry.isEmpty() || !entry.get().isUsable()) {
      return;
    }
    AgentHandle handle = entry.get().handle();
    try {
      client
          .pollAsync(handle.auth())
          .whenComplete((result, failure) -> onPoll(hosted, handle, result, failure));
    } catch (RuntimeException e) {
      onPoll(hosted, handle, null, e);
    }
  }

  private void onPoll(Hosted hosted, AgentHandle handle, PollResult result, Throwable failure) {
    if (stopped) {
      return;
    }
    if (failure == null) {
      result
          .rotatedGuid()
          .ifPresent(
              guid ->
                  store.update(
                      hosted.id,
                      e ->
                          e != null && e.handle() != null && e.handle().guid().equals(handle.guid())
                              ? SessionEntry.live(handle.withGuid(guid, clock.instant()))
                              : e));
      result.event().ifPresent(this::publish);
      synchronized (hosted) {
        hosted.failures = 0;
      }
      schedulePoll(hosted, settings.pollPause());
      return;
    }
    Throwable cause =
        failure instanceof CompletionException && failure.getCause() != null
            ? failure.getCause()
            : failure;
    if (cause instanceof GatewayRejectedException r
        && r.retcodeClass() == RetcodeClass.STALE_SESSION) {
      markStale(handle, "session ended at the gateway (" + r.retcode().code() + ")");
      scheduleSignIn(hosted, Duration.ZERO);
    } else {
      schedulePoll(hosted, backoff(hosted));
    }
  }

  private void publish(GatewayEvent event) {
    for (Consumer<GatewayEvent> listener : listeners) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Event listener failed", e);
      }
    }
  }

  private void markStale(AgentHandle handle, String why) {
    store.update(
        handle.agentId(),
        e ->
            e != null && e.handle() != null && e.handle().guid().equals(handle.guid())
                ? e.stale(why)
                : e);
  }

  private void schedulePoll(Hosted hosted, Duration delay) {
    if (!stopped) {
      scheduler.schedule(() -> poll(hosted), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void scheduleSignIn(Hosted hosted, Duration delay) {
    if (!stopped && hosted != null) {
      scheduler.schedule(() -> signIn(hosted), delay.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Capped exponential backoff with full jitter. */
  private Duration backoff(Hosted hosted) {
    int failures;
    synchronized (hosted) {
      failures = ++hosted.failures;
    }
    long cap =
        Math.min(
            settings.retryMax().toMillis(),
            settings.retryMin().toMillis() << Math.min(failures, 16));
    return Duration.ofMillis(
        settings.retryMin().toMillis() / 2
            + ThreadLocalRandom.current().nextLong(Math.max(1, cap)));
  }

  // ------------------------------------------------------------------------------- shutdown

  /** Stops polling and, if configured, signs the hosted agents out (within about ten seconds). */
  @Override
  public void close() {
    stopped = true;
    if (!settings.signOutOnStop()) {
      return;
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    List<Integer> signedOut = new ArrayList<>();
    for (int agentId : agents.keySet()) {
      if (System.nanoTime() > deadline) {
        break;
      }
      store
          .get(agentId)
          .filter(SessionEntry::isUsable)
          .ifPresent(
              e -> {
                try {
                  client.signOut(e.handle().auth(), true);
                  signedOut.add(agentId);
                } catch (GatewayException ignored) {
                  // the gateway signs idle agents out by itself after MAXTIME
                }
              });
      store.remove(agentId);
    }
    LOG.info(() -> "Hosted sessions stopped; " + signedOut.size() + " agents signed out");
  }
}
