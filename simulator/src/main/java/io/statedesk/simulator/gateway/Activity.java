package io.statedesk.simulator.gateway;

import static io.statedesk.simulator.gateway.Gateway.BUSY;
import static io.statedesk.simulator.gateway.Gateway.IDLE;
import static io.statedesk.simulator.gateway.Gateway.REST;
import static io.statedesk.simulator.gateway.Gateway.TALKING;
import static io.statedesk.simulator.gateway.Gateway.WORK;

import java.util.Map;
import java.util.Random;

/**
 * Simulated contact-center life: signed-in agents take calls, go to wrap-up, back to idle, rest for
 * a while; their pollers get the events (section 7.2 names).
 */
final class Activity {

  /** A state change and the event that announces it. */
  private record Step(int state, String eventType, Map<String, Object> content) {}

  private final SessionStore store;
  private final EventPolls polls;

  Activity(SessionStore store, EventPolls polls) {
    this.store = store;
    this.polls = polls;
  }

  /**
   * One step: a share of the sessions change state.
   *
   * @param share the share of sessions that change state in this step (0..1)
   */
  void step(Random random, double share, long now) {
    for (Session session : store.all()) {
      if (random.nextDouble() >= share) {
        continue;
      }
      Step step;
      synchronized (session) {
        step = next(session.state, random.nextInt(10));
        session.state = step.state();
        session.working = step.state() == TALKING;
        session.stateSince = now;
      }
      if (!session.elsewhere) {
        polls.deliver(
            session, EventPolls.event(step.eventType(), session.workNo, step.content(), now));
      }
    }
  }

  /**
   * The agent presses "ready" at its phone: idle now, announced to its poller as any other step
   * would be (a test's way to a known floor, where the random steps take minutes).
   */
  void ready(Session session, long now) {
    synchronized (session) {
      session.state = IDLE;
      session.working = false;
      session.stateSince = now;
    }
    if (!session.elsewhere) {
      polls.deliver(session, EventPolls.event("AgentState_Ready", session.workNo, null, now));
    }
  }

  /** Idle agents mostly take a call (6 in 10), else go busy or rest; everyone else goes on. */
  private static Step next(int state, int roll) {
    int next =
        switch (state) {
          case IDLE -> roll < 6 ? TALKING : roll < 8 ? BUSY : REST;
          case TALKING -> WORK;
          default -> IDLE;
        };
    return switch (next) {
      case TALKING -> new Step(next, "AgentState_Busy", null);
      case WORK -> new Step(next, "AgentState_Work", null);
      case BUSY -> new Step(next, "AgentState_SetNotReady_Success", Map.of("reason", "1"));
      case REST -> new Step(next, "AgentState_SetRest_Success", Map.of("reason", "0"));
      default -> new Step(next, "AgentState_Ready", null);
    };
  }
}
