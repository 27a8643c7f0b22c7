package io.statedesk.core.bulk;

import io.statedesk.core.gateway.AgentId;
import io.statedesk.core.session.AgentHandle;
import io.statedesk.core.session.AgentSessions;
import java.time.Duration;
import java.util.Optional;

/** Where the engine gets agents' session handles: {@link AgentSessions}, or a fake in tests. */
public interface SessionPort {

  /** The handle to use now. */
  Optional<AgentHandle> current(AgentId agentId);

  /** The handle to use now or, for a session being re-established, within {@code wait}. */
  default Optional<AgentHandle> awaitCurrent(AgentId agentId, Duration wait) {
    return current(agentId);
  }

  /** A fresh handle after {@code stale} was refused, if one can be had within {@code wait}. */
  Optional<AgentHandle> renew(AgentHandle stale, Duration wait);

  /** Why the agent has no session, if known. */
  Optional<String> note(AgentId agentId);

  /**
   * Whether the agent's first sign-in on this console, begun less than {@code within} ago, is still
   * under way (so "no session" now is not its answer yet).
   */
  default boolean signingIn(AgentId agentId, Duration within) {
    return false;
  }

  static SessionPort of(AgentSessions sessions) {
    return new SessionPort() {
      @Override
      public Optional<AgentHandle> current(AgentId agentId) {
        return sessions.current(agentId.value());
      }

      @Override
      public Optional<AgentHandle> awaitCurrent(AgentId agentId, Duration wait) {
        return sessions.awaitUsable(agentId.value(), wait);
      }

      @Override
      public Optional<AgentHandle> renew(AgentHandle stale, Duration wait) {
        return sessions.renew(stale, wait);
      }

      @Override
      public Optional<String> note(AgentId agentId) {
        return sessions.note(agentId.value());
      }

      @Override
      public boolean signingIn(AgentId agentId, Duration within) {
        return sessions.signingIn(agentId.value(), within);
      }
    };
  }
}
