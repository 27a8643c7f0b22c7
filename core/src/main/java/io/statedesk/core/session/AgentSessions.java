package io.statedesk.core.session;

import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * "The current session handle of agent X" and "this handle went stale": the one question every
 * gateway call for an agent starts with.
 */
@ApplicationScoped
public class AgentSessions {

  @Inject SessionStore store;
  @Inject HostedSessions hosted;
  @Inject Caller caller;

  /**
   * Hosted agents without a session and why (admins only): credentials refused (with the gateway's
   * code; not retried until the credentials change), missing, or the session taken over by another
   * desktop. Agent id to the reason, in agent order.
   */
  public Map<Integer, String> hostedProblems() {
    caller.require(Role.ADMIN);
    return hosted.pool().map(HostedSessionPool::problems).orElse(Map.of());
  }

  /** The handle to use now, if the agent has a usable session. */
  public Optional<AgentHandle> current(int agentId) {
    return store.get(agentId).filter(SessionEntry::isUsable).map(SessionEntry::handle);
  }

  /**
   * The handle to use now or, for a hosted agent whose session is being re-established, within
   * {@code wait}.
   */
  public Optional<AgentHandle> awaitUsable(int agentId, Duration wait) {
    Optional<AgentHandle> now = current(agentId);
    if (now.isPresent()) {
      return now;
    }
    return hosted.pool().flatMap(p -> p.awaitUsable(agentId, wait));
  }

  /**
   * Whether the hosted agent's sign-in, scheduled when this console began hosting it less than
   * {@code within} ago, is still expected to bring its session (see {@link
   * HostedSessionPool#signingIn}).
   */
  public boolean signingIn(int agentId, Duration within) {
    return hosted.pool().map(p -> p.signingIn(agentId, within)).orElse(false);
  }

  public Availability availability(int agentId) {
    return store.get(agentId).map(SessionEntry::availability).orElse(Availability.NONE);
  }

  public Map<Integer, Availability> availability(Collection<Integer> agentIds) {
    Map<Integer, Availability> result = new LinkedHashMap<>();
    for (int id : agentIds) {
      result.put(id, availability(id));
    }
    return result;
  }

  /** Why an agent has no usable session ("signed in elsewhere"), if known. */
  public Optional<String> note(int agentId) {
    return store.get(agentId).map(SessionEntry::note);
  }

  /**
   * The gateway refused {@code stale} as a stale session. For a hosted agent, returns a fresh
   * handle (rotated, or signed in again within {@code wait}); a relayed handle is only marked
   * stale, never refreshed by {@code updateGuid}, which would rotate the desktop's own Guid.
   */
  public Optional<AgentHandle> renew(AgentHandle stale, Duration wait) {
    if (stale.source() == SessionSource.HOSTED) {
      Optional<HostedSessionPool> pool = hosted.pool();
      if (pool.isPresent() && pool.get().hosts(stale.agentId())) {
        return pool.get().renew(stale, wait);
      }
    }
    store.update(
        stale.agentId(),
        e ->
            e != null && e.handle() != null && e.handle().guid().equals(stale.guid())
                ? e.stale("refused by the gateway")
                : e);
    Optional<AgentHandle> now = current(stale.agentId());
    return now.filter(h -> !h.guid().equals(stale.guid()));
  }

  /** How many agents are in each availability. */
  public Map<Availability, Integer> counts() {
    Map<Availability, Integer> counts = new EnumMap<>(Availability.class);
    for (Availability a : Availability.values()) {
      counts.put(a, 0);
    }
    for (SessionEntry e : store.all()) {
      counts.merge(e.availability(), 1, Integer::sum);
    }
    return counts;
  }
}
