package io.statedesk.core.session;

import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.gateway.GatewayException;
import io.statedesk.core.gateway.GatewayRecords.GatewayEvent;
import io.statedesk.core.session.HostedAgent.Phase;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Hosted sessions: the console signs agents in itself and keeps every session alive with the event
 * long-poll (gateway-api.md sections 3 and 7, Option A of section 12).
 *
 * <p>No thread per agent: each agent is a small state machine ({@link HostedAgent}) with at most
 * one sign-in due ({@link SignInScheduler}, on its own executor behind one rate limit) and at most
 * one poll chain ({@link PollChain}, per session generation). Plain Java (no container types) so
 * that the benchmark and tests drive it in a plain JVM; the container wiring is {@link
 * HostedSessions}.
 */
public final class HostedSessionPool implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(HostedSessionPool.class.getName());

  private final GatewayClient client;
  private final SessionStore store;
  private final PoolThreads threads;
  private final PoolSettings settings;
  private final HostedCredentials credentials;
  private final Clock clock;
  private final Map<Integer, HostedAgent> agents = new ConcurrentHashMap<>();
  private final List<Consumer<GatewayEvent>> listeners = new CopyOnWriteArrayList<>();
  private final List<Consumer<SessionStarted>> started = new CopyOnWriteArrayList<>();
  private final SignInScheduler signIns;
  private final PollChain polls;
  private final HostedSignIn signIn;
  private volatile boolean stopped;

  public HostedSessionPool(
      GatewayClient client,
      SessionStore store,
      PoolThreads threads,
      PoolSettings settings,
      HostedCredentials credentials,
      Clock clock) {
    this.client = client;
    this.store = store;
    this.threads = threads;
    this.settings = settings;
    this.credentials = credentials;
    this.clock = clock;
    HostedSignIn.Outcomes outcomes =
        new HostedSignIn.Outcomes() {
          @Override
          public void live(HostedAgent agent, AgentHandle handle, long generation, String reason) {
            if (agents.get(agent.id) != agent) { // dropped while signing in: another console's
              store.update(agent.id, e -> e != null && e.handle() == handle ? null : e);
              return;
            }
            polls.start(agent, generation, handle);
            announce(
                new SessionStarted(agent.id, SessionSource.HOSTED, handle.obtainedAt(), reason));
          }

          @Override
          public void retry(HostedAgent agent, Duration delay) {
            signIns.schedule(agent, delay);
          }

          @Override
          public Duration backoff(HostedAgent agent) {
            return HostedSessionPool.this.backoff(agent.nextFailure());
          }
        };
    this.signIn = new HostedSignIn(client, store, settings, credentials, clock, outcomes);
    this.signIns =
        new SignInScheduler(threads.timer(), threads.signIns(), threads.throttle(), signIn::run);
    this.polls =
        new PollChain(
            client,
            store,
            threads.timer(),
            settings.pollPause(),
            this::publish,
            this::ended,
            this::backoff,
            clock);
  }

  /**
   * Signs every configured agent in (at the sign-in rate), then keeps them alive.
   *
   * @param reclaim agents whose sessions this console held before an unclean stop: taken back by
   *     forced sign-in at once
   */
  public void start(Set<Integer> reclaim) {
    start(settings.agents(), reclaim);
  }

  /**
   * Signs {@code hostNow} in (a cluster console: the agents of the shards it holds, maybe none
   * yet), then keeps them alive; {@link #host} and {@link #drop} change the set later.
   */
  public void start(Set<Integer> hostNow, Set<Integer> reclaim) {
    host(hostNow, reclaim);
    threads.timer().after(CREDENTIALS_CHECK, this::recheckCredentials);
    LOG.info(
        () ->
            "Hosted sessions: signing in "
                + settings.agents().size()
                + " agents ("
                + reclaim.size()
                + " held before the restart), "
                + settings.signInRate()
                + " per second");
  }

  public void start() {
    start(Set.of());
  }

  /**
   * Starts hosting {@code ids} (configured agents not hosted yet): their one sign-in each is
   * scheduled, by force for those in {@code reclaim} (sessions this cluster held).
   */
  public void host(Set<Integer> ids, Set<Integer> reclaim) {
    for (int agentId : new TreeSet<>(ids)) {
      if (stopped || !settings.agents().contains(agentId) || agents.containsKey(agentId)) {
        continue;
      }
      HostedAgent agent = agents.computeIfAbsent(agentId, HostedAgent::new);
      agent.reclaimByForce(reclaim.contains(agentId));
      store.update(
          agentId,
          e -> e != null ? e : SessionEntry.none(agentId, SessionSource.HOSTED, "signing in"));
      signIns.schedule(agent, Duration.ZERO);
    }
  }

  /**
   * Stops hosting {@code ids} (their shard went to another console): their poll chains end, no
   * sign-in is scheduled for them any more, their handles are forgotten here, and their sessions
   * are signed out on the sign-in threads, so that the next holder signs in without force (if it
   * forces first, because the hold records name this console, the sign-out is refused harmlessly).
   */
  public void drop(Set<Integer> ids) {
    for (int agentId : ids) {
      HostedAgent agent = agents.remove(agentId);
      if (agent != null) {
        Optional<AgentHandle> handle = usable(agentId);
        agent.retire();
        store.remove(agentId);
        handle.ifPresent(
            h ->
                threads
                    .signIns()
                    .execute(
                        () -> {
                          try {
                            client.signOut(h.auth(), true);
                          } catch (GatewayException ignored) {
                            // superseded by the next holder's sign-in, or timed out at the gateway
                          }
                        }));
      }
    }
  }

  /** Called with every event any hosted session receives (e.g. to update agent states). */
  public void addListener(Consumer<GatewayEvent> listener) {
    listeners.add(listener);
  }

  /** Called (on a sign-in thread) whenever an agent gets a new session; never for a rotation. */
  public void addSessionListener(Consumer<SessionStarted> listener) {
    started.add(listener);
  }

  /**
   * A usable handle for a hosted agent whose session is expected (a sign-in is due or running and
   * nothing says it will fail), waiting at most {@code wait}; empty at once when the agent has no
   * such prospect (not hosted, taken over, credentials refused).
   *
   * <p>Why: a bulk change made right after a start or a loss would otherwise end "no session" for
   * agents whose new session is seconds away.
   */
  public Optional<AgentHandle> awaitUsable(int agentId, Duration wait) {
    HostedAgent agent = agents.get(agentId);
    if (agent == null) {
      return Optional.empty();
    }
    long end = System.nanoTime() + wait.toNanos();
    while (!stopped) {
      var change = agent.nextChange();
      Optional<AgentHandle> now = usable(agentId);
      if (now.isPresent() || !agent.expectsSession() || !HostedAgent.await(change, end)) {
        return now;
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a bulk call that found no session for the agent should wait for it rather than end "no
   * session": this console began hosting it (it started, or the agent's shard was just taken over)
   * less than {@code within} ago, and the sign-in it owes the agent has not settled yet.
   *
   * <p>Why bounded by the time since hosting, not by a count of tries: a take-over of hundreds of
   * agents queues hundreds of sign-ins behind the one rate limit, and the last one may be a minute
   * away under load; an agent whose gateway keeps failing must still end within a known time.
   */
  public boolean signingIn(int agentId, Duration within) {
    HostedAgent agent = agents.get(agentId);
    return agent != null
        && !stopped
        && agent.signInUnderWay()
        && System.nanoTime() - agent.hostedAt < within.toNanos();
  }

  public boolean hosts(int agentId) {
    return agents.containsKey(agentId);
  }

  public Set<Integer> agents() {
    return settings.agents();
  }

  /**
   * A fresh handle after {@code stale} was refused by the gateway: the rotated one if the poll
   * already brought it; else the session is over, and the agent's one sign-in is scheduled and
   * awaited for at most {@code wait}. A refusal of a Guid the store no longer holds changes
   * nothing.
   */
  public Optional<AgentHandle> renew(AgentHandle stale, Duration wait) {
    HostedAgent agent = agents.get(stale.agentId());
    if (agent == null || stopped) {
      return Optional.empty();
    }
    Optional<SessionEntry> entry = store.get(stale.agentId());
    boolean current =
        entry.isPresent()
            && entry.get().handle() != null
            && entry.get().handle().guid().equals(stale.guid());
    if (!current) {
      return usable(stale.agentId());
    }
    long generation = agent.generation();
    if (agent.end(generation)) {
      ended(agent, stale, "refused by the gateway");
    }
    return awaitUsable(stale.agentId(), wait);
  }

  /** Why hosted agents have no session, for admins: agent id to its note, refused ones first. */
  public Map<Integer, String> problems() {
    Map<Integer, String> problems = new TreeMap<>();
    agents.forEach(
        (id, agent) -> {
          Phase phase = agent.phase();
          if (phase == Phase.REFUSED
              || phase == Phase.NO_CREDENTIALS
              || phase == Phase.TAKEN_OVER) {
            problems.put(id, store.get(id).map(SessionEntry::note).orElse(phase.name()));
          }
        });
    return problems;
  }

  /**
   * Signs in again every agent whose credentials were refused or missing, if the credentials have
   * changed since (one attempt per change: a refused password is never retried on its own).
   */
  public int credentialsChanged() {
    long version = credentials.version();
    int scheduled = 0;
    for (HostedAgent agent : agents.values()) {
      Phase phase = agent.phase();
      if ((phase == Phase.REFUSED || phase == Phase.NO_CREDENTIALS)
          && !agent.refusedAt(version)
          && signIns.schedule(agent, Duration.ZERO)) {
        scheduled++;
      }
    }
    return scheduled;
  }

  /** How often the credentials are checked for a change (a file's modification time: cheap). */
  static final Duration CREDENTIALS_CHECK = Duration.ofSeconds(10);

  private void recheckCredentials() {
    if (stopped) {
      return;
    }
    try {
      int scheduled = credentialsChanged();
      if (scheduled > 0) {
        LOG.info(() -> "Hosted credentials changed: signing in " + scheduled + " refused agents");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Hosted credentials could not be re-read", e);
    }
    threads.timer().after(CREDENTIALS_CHECK, this::recheckCredentials);
  }

  private Optional<AgentHandle> usable(int agentId) {
    return store.get(agentId).filter(SessionEntry::isUsable).map(SessionEntry::handle);
  }

  // ------------------------------------------------------------------------------- outcomes

  /** The current session ended: mark its handle stale and schedule the agent's one sign-in. */
  private void ended(HostedAgent agent, AgentHandle handle, String why) {
    // rare (a sign-out at the desk, an inspector, a lost Guid) and it costs the agent its custom
    // state until the desired state is re-applied: an operator wants each one in the log
    LOG.info(() -> "Hosted agent " + handle.agentId() + ": " + why + "; signing in again");
    store.update(
        handle.agentId(),
        e ->
            e != null && e.handle() != null && e.handle().guid().equals(handle.guid())
                ? e.stale(why)
                : e);
    signIns.schedule(agent, Duration.ZERO);
  }

  private void publish(GatewayEvent event) {
    tell(listeners, event);
  }

  private void announce(SessionStarted event) {
    tell(started, event);
  }

  private static <T> void tell(List<Consumer<T>> to, T event) {
    for (Consumer<T> listener : to) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Listener failed", e);
      }
    }
  }

  /** Capped exponential backoff with full jitter. */
  private Duration backoff(int failures) {
    long min = settings.retryMin().toMillis();
    long cap = Math.min(settings.retryMax().toMillis(), min << Math.min(failures, 16));
    return Duration.ofMillis(min / 2 + ThreadLocalRandom.current().nextLong(Math.max(1, cap)));
  }

  /** The agents with a live session now (for the hold records). */
  public Set<Integer> live() {
    Set<Integer> live = new TreeSet<>();
    agents.forEach(
        (id, agent) -> {
          if (agent.phase() == Phase.LIVE) {
            live.add(id);
          }
        });
    return live;
  }

  // ------------------------------------------------------------------------------- shutdown

  /** Stops polling and, if configured, signs the hosted agents out (within about ten seconds). */
  @Override
  public void close() {
    stopped = true;
    signIns.stop();
    agents.values().forEach(HostedAgent::retire);
    if (!settings.signOutOnStop()) {
      return;
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
    int signedOut = 0;
    for (int agentId : agents.keySet()) {
      if (System.nanoTime() > deadline) {
        break;
      }
      Optional<AgentHandle> handle = usable(agentId);
      store.remove(agentId);
      if (handle.isPresent()) {
        try {
          client.signOut(handle.get().auth(), true);
          signedOut++;
        } catch (GatewayException ignored) {
          // the gateway signs idle agents out by itself after MAXTIME
        }
      }
    }
    int count = signedOut;
    LOG.info(() -> "Hosted sessions stopped; " + count + " agents signed out");
  }
}
