package io.statedesk.simulator.gateway;

import static io.statedesk.simulator.gateway.Gateway.SIGNED_OUT;

import io.statedesk.simulator.world.Agent;
import io.statedesk.simulator.world.World;
import java.util.List;
import java.util.Random;
import java.util.function.LongSupplier;

/**
 * What the control API and housekeeping do to the gateway's sessions: sessions held by another
 * desktop, sign-outs as the gateway itself would make them, the idle sweep, simulated activity and
 * a view of an agent that never shows its Guid.
 */
public final class SessionControl {

  /**
   * What a test may know about an agent (never its Guid); {@code inProgress} names the calls of the
   * agent the gateway is working on (e.g. "session" while a sign-in runs), so that a test can wait
   * for one instead of sleeping.
   */
  public record AgentView(
      int workNo,
      String name,
      int groupId,
      boolean signedIn,
      boolean elsewhere,
      int state,
      int customState,
      int queuedEvents,
      List<String> inProgress) {}

  private final World world;
  private final SessionStore store;
  private final LongSupplier clock;
  private final Activity activity;
  private final InFlight inFlight;

  SessionControl(
      World world, SessionStore store, LongSupplier clock, Activity activity, InFlight inFlight) {
    this.world = world;
    this.inFlight = inFlight;
    this.store = store;
    this.clock = clock;
    this.activity = activity;
  }

  /** Signs out every idle session; run periodically so that idle agents leave on their own. */
  public int sweep() {
    return store.sweep(clock.getAsLong());
  }

  /**
   * Gives the agent a session held by somebody else (a desktop we do not know), ending any session
   * it had, so that sign-in answers {@code 100-002} and only forced sign-in gets in.
   */
  public void signInElsewhere(int workNo, int state) {
    store.open(workNo, true, state, clock.getAsLong());
  }

  /**
   * The desktop that holds the agent's session elsewhere signs out, so the agent is free; nothing
   * happens if the session (if any) is not held elsewhere.
   *
   * @return whether a session held elsewhere ended
   */
  public boolean releaseElsewhere(int workNo) {
    return end(workNo, true);
  }

  /** Ends an agent's session as the gateway would after an idle time-out; false if none. */
  public boolean endSession(int workNo) {
    return end(workNo, false);
  }

  private boolean end(int workNo, boolean onlyElsewhere) {
    Session session = store.peek(workNo);
    if (session == null || (onlyElsewhere && !session.elsewhere)) {
      return false;
    }
    store.remove(session);
    return true;
  }

  public AgentView view(int workNo) {
    Agent agent = world.agent(workNo);
    if (agent == null) {
      return null;
    }
    Session session = store.live(workNo, clock.getAsLong());
    if (session == null) {
      return new AgentView(
          workNo,
          agent.name(),
          agent.groupId(),
          false,
          false,
          SIGNED_OUT,
          CustomStates.UNSET,
          0,
          inFlight.of(workNo));
    }
    synchronized (session) {
      return new AgentView(
          workNo,
          agent.name(),
          agent.groupId(),
          true,
          session.elsewhere,
          session.state,
          session.customState,
          session.events.size(),
          inFlight.of(workNo));
    }
  }

  /**
   * The agent makes itself ready (idle) at its phone; false if it has no session.
   *
   * @see Activity#ready
   */
  public boolean ready(int workNo) {
    Session session = store.live(workNo, clock.getAsLong());
    if (session == null) {
      return false;
    }
    activity.ready(session, clock.getAsLong());
    return true;
  }

  /** Signs everybody out. */
  public void reset() {
    store.clear();
  }

  public int sessionCount() {
    return store.size();
  }

  /**
   * One step of simulated contact-center life (see {@link Activity}).
   *
   * @param share the share of sessions that change state in this step (0..1)
   */
  public void activity(Random random, double share) {
    activity.step(random, share, clock.getAsLong());
  }
}
