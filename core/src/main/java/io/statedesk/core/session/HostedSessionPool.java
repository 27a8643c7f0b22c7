package io.statedesk.core.session;

import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.gateway.GatewayException;
import io.statedesk.core.gateway.GatewayRecords.GatewayEvent;
import io.statedesk.core.session.HostedAgent.Phase;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
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
 *
 * <p>This class holds the agents and their comings and goings; each step is its own class: the
 * sign-in ({@link HostedSignIn}), polling and rotation ({@link PollChain}), waiting for and
 * renewing a session ({@link SessionRenewal}), the credentials watch ({@link CredentialsRecheck}),
 * the listeners ({@link PoolListeners}) and the retry delays ({@link RetryBackoff}).
 */
public final class HostedSessionPool implements AutoCloseable {

  private static final Logger LOG = Logger.getLogger(HostedSessionPool.class.getName());

  private final GatewayClient client;
  private final SessionStore store;
  private final PoolThreads threads;
  private final PoolSettings settings;
  private final Map<Integer, HostedAgent> agents = new ConcurrentHashMap<>();
  private final PoolListeners listeners = new PoolListeners();
  private final RetryBackoff backoff;
  private final SignInScheduler signIns;
  private final PollChain polls;
  private final SessionRenewal renewal;
  private final CredentialsRecheck recheck;
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
    this.backoff = new RetryBackoff(settings.retryMin(), settings.retryMax());
    HostedSignIn.Outcomes outcomes =
        new HostedSignIn.Outcomes() {
          @Override
          public void live(HostedAgent agent, AgentHandle handle, long generation, String reason) {
            if (agents.get(agent.id) != agent) { // dropped while signing in: another console's
              store.update(agent.id, e -> e != null && e.handle() == handle ? null : e);
              return;
            }
            polls.start(agent, generation, handle);
            listeners.announce(
                new SessionStarted(agent.id, SessionSource.HOSTED, handle.obtainedAt(), reason));
          }

          @Override
          public void retry(HostedAgent agent, Duration delay) {
            signIns.schedule(agent, delay);
          }

          @Override
          public Duration backoff(HostedAgent agent) {
            return backoff.after(agent.nextFailure());
          }
        };
    HostedSignIn signIn = new HostedSignIn(client, store, settings, credentials, clock, outcomes);
    this.signIns =
        new SignInScheduler(threads.timer(), threads.signIns(), threads.throttle(), signIn::run);
    this.renewal = new SessionRenewal(agents, store, signIns, () -> stopped);
    this.recheck =
        new CredentialsRecheck(
            agents.values(), credentials, signIns, threads.timer(), () -> stopped);
    this.polls =
        new PollChain(
            client,
            store,
            threads.timer(),
            settings.pollPause(),
            listeners::publish,
            renewal::ended,
            backoff::after,
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
    recheck.start();
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
        Optional<AgentHandle> handle = renewal.usable(agentId);
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
    listeners.addListener(listener);
  }

  /** Called (on a sign-in thread) whenever an agent gets a new session; never for a rotation. */
  public void addSessionListener(Consumer<SessionStarted> listener) {
    listeners.addSessionListener(listener);
  }

  /**
   * A usable handle for a hosted agent whose session is expected, waiting at most {@code wait}: see
   * {@link SessionRenewal#awaitUsable} (why a bulk change waits).
   */
  public Optional<AgentHandle> awaitUsable(int agentId, Duration wait) {
    return renewal.awaitUsable(agentId, wait);
  }

  /**
   * Whether a bulk call that found no session for the agent should wait for it: see {@link
   * SessionRenewal#signingIn} (why bounded by the time since hosting).
   */
  public boolean signingIn(int agentId, Duration within) {
    return renewal.signingIn(agentId, within);
  }

  public boolean hosts(int agentId) {
    return agents.containsKey(agentId);
  }

  public Set<Integer> agents() {
    return settings.agents();
  }

  /**
   * A fresh handle after {@code stale} was refused by the gateway, waiting at most {@code wait}:
   * see {@link SessionRenewal#renew}.
   */
  public Optional<AgentHandle> renew(AgentHandle stale, Duration wait) {
    return renewal.renew(stale, wait);
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
    return recheck.credentialsChanged();
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
      Optional<AgentHandle> handle = renewal.usable(agentId);
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
