package io.statedesk.core.session;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.logging.Logger;

/**
 * The renewal steps of a {@link HostedSessionPool}: a caller that needs a hosted agent's session
 * waits for the sign-in under way, a handle the gateway refused ends its session and schedules the
 * agent's one sign-in, and a session the poll saw end is marked stale. Apart from the pool so that
 * what a bulk change may wait for, and for how long, is read in one place.
 */
final class SessionRenewal {

  /** The pool's logger: operators filter these lines under the pool's name. */
  private static final Logger LOG = Logger.getLogger(HostedSessionPool.class.getName());

  private final Map<Integer, HostedAgent> agents;
  private final SessionStore store;
  private final SignInScheduler signIns;
  private final BooleanSupplier stopped;

  SessionRenewal(
      Map<Integer, HostedAgent> agents,
      SessionStore store,
      SignInScheduler signIns,
      BooleanSupplier stopped) {
    this.agents = agents;
    this.store = store;
    this.signIns = signIns;
    this.stopped = stopped;
  }

  /**
   * A usable handle for a hosted agent whose session is expected (a sign-in is due or running and
   * nothing says it will fail), waiting at most {@code wait}; empty at once when the agent has no
   * such prospect (not hosted, taken over, credentials refused).
   *
   * <p>Why: a bulk change made right after a start or a loss would otherwise end "no session" for
   * agents whose new session is seconds away.
   */
  Optional<AgentHandle> awaitUsable(int agentId, Duration wait) {
    HostedAgent agent = agents.get(agentId);
    if (agent == null) {
      return Optional.empty();
    }
    long end = System.nanoTime() + wait.toNanos();
    while (!stopped.getAsBoolean()) {
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
  boolean signingIn(int agentId, Duration within) {
    HostedAgent agent = agents.get(agentId);
    return agent != null
        && !stopped.getAsBoolean()
        && agent.signInUnderWay()
        && System.nanoTime() - agent.hostedAt < within.toNanos();
  }

  /**
   * A fresh handle after {@code stale} was refused by the gateway: the rotated one if the poll
   * already brought it; else the session is over, and the agent's one sign-in is scheduled. Either
   * way a handle is awaited for at most {@code wait} while a session is expected (a sign-in the
   * poll scheduled may be under way, or retrying after a brief failure). A refusal of a Guid the
   * store no longer holds ends nothing.
   *
   * <p>Why the generation is read before the store: a sign-in puts its new handle in the store
   * before it makes the agent live. Read in this order, a refusal of the old Guid can only end the
   * generation it was issued in; read the other way, a sign-in completing in between would have its
   * brand-new session ended and replaced by yet another, whose forced sign-in kills the handle just
   * returned to the bulk change (which then fails "refused the fresh one too").
   */
  Optional<AgentHandle> renew(AgentHandle stale, Duration wait) {
    HostedAgent agent = agents.get(stale.agentId());
    if (agent == null || stopped.getAsBoolean()) {
      return Optional.empty();
    }
    long generation = agent.generation();
    Optional<SessionEntry> entry = store.get(stale.agentId());
    boolean current =
        entry.isPresent()
            && entry.get().handle() != null
            && entry.get().handle().guid().equals(stale.guid());
    if (current && agent.end(generation)) {
      ended(agent, stale, "refused by the gateway");
    }
    return awaitUsable(stale.agentId(), wait);
  }

  /** The current session ended: mark its handle stale and schedule the agent's one sign-in. */
  void ended(HostedAgent agent, AgentHandle handle, String why) {
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

  /** The agent's handle if its session is usable now. */
  Optional<AgentHandle> usable(int agentId) {
    return store.get(agentId).filter(SessionEntry::isUsable).map(SessionEntry::handle);
  }
}
