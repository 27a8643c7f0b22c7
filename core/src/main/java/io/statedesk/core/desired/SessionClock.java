package io.statedesk.core.desired;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each agent's current session began, as far as this console knows: the last {@code
 * SessionStarted} for the agent, and never before this console started (every hosted session of a
 * restarted console is new). A read-back counts as verification only if it is later: an "already in
 * that state" from an earlier session means nothing, since the state went with that session.
 */
@ApplicationScoped
public class SessionClock {

  private final Instant boot = Instant.now();
  private final Map<Integer, Instant> started = new ConcurrentHashMap<>();

  /** Records a new session of the agent. */
  public void started(int agentId, Instant at) {
    started.merge(agentId, at, (a, b) -> a.isAfter(b) ? a : b);
  }

  /** When the agent's current session began (at the latest: this console's start). */
  public Instant sessionStart(int agentId) {
    Instant at = started.get(agentId);
    return at == null || at.isBefore(boot) ? boot : at;
  }

  /** Whether a read-back at {@code verifiedAt} was made in the agent's current session. */
  public boolean inCurrentSession(int agentId, Instant verifiedAt) {
    return verifiedAt != null && verifiedAt.isAfter(sessionStart(agentId));
  }
}
