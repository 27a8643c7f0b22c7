package io.statedesk.core.bulk;

import io.statedesk.core.cluster.Ownership;
import io.statedesk.core.gateway.SharedRate;
import io.statedesk.core.session.AgentHandle;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What becomes of an agent's call when the agent moves between consoles during a change: an outcome
 * a dead console left in flight is read back before any call is sent again ({@link #recheck}), and
 * a result that is not the agent's answer yet sends its outcome back to pending ({@link #notOurs}).
 * Kept apart from {@link ChangeRun}'s loop: this is the take-over protocol, the loop only asks it.
 */
final class TakeOver {

  /** The reason given for a call confirmed by a read-back instead of being sent again. */
  static final String CONFIRMED = "Confirmed by a read-back after a restart (not sent again)";

  private final SessionPort sessions;
  private final GatewayPort gateway;
  private final SharedRate limiter;
  private final AgentCall call;
  private final Supplier<Ownership> ownership;
  private final Duration reconcileWait;
  private final Duration signInWait;
  private final BooleanSupplier stopping;

  /**
   * @param limiter this console's share of the call rate, or {@code null}
   * @param ownership which agents this console calls now
   * @param reconcileWait how long a read-back waits for the agent's session ({@code
   *     statedesk.bulk.reconcile-wait-seconds})
   * @param signInWait how long a first sign-in counts as under way ({@code
   *     statedesk.bulk.sign-in-wait-seconds})
   * @param stopping whether the engine is stopping
   */
  TakeOver(
      SessionPort sessions,
      GatewayPort gateway,
      SharedRate limiter,
      AgentCall call,
      Supplier<Ownership> ownership,
      Duration reconcileWait,
      Duration signInWait,
      BooleanSupplier stopping) {
    this.sessions = sessions;
    this.gateway = gateway;
    this.limiter = limiter;
    this.call = call;
    this.ownership = ownership;
    this.reconcileWait = reconcileWait;
    this.signInWait = signInWait;
    this.stopping = stopping;
  }

  /**
   * Whether a result is not the agent's answer yet, so its outcome goes back to pending: the
   * console is stopping (not the change being cancelled); the agent's shard moved to another
   * console during the call; or this console's first sign-in of the agent (its shard was just taken
   * over, or the console just started) is still under way, within {@code
   * statedesk.bulk.sign-in-wait-seconds} of hosting it. Without the last rule a take-over of
   * hundreds of agents during a change ended those whose sign-in was queued behind the rate limit
   * "no session". (A read-back of a dead console's call waits for the sign-in itself, in {@link
   * #recheck}: sent back to pending it would lose its read-back.)
   *
   * @param cancelled whether the change was cancelled
   */
  boolean notOurs(AgentResult result, boolean recheck, boolean cancelled) {
    if (result.status() == OutcomeStatus.CANCELLED && !cancelled) {
      return true;
    }
    if (result.status() != OutcomeStatus.NO_SESSION) {
      return false;
    }
    Ownership now = ownership.get();
    return (now.isHosted(result.agentId().value()) && !now.holds(result.agentId().value()))
        || (!recheck && sessions.signingIn(result.agentId(), signInWait));
  }

  /**
   * An outcome a dead console left in flight: read the agent's state back in its current session.
   * If it is the target, the call took effect and is not sent again; if it is not, the call is
   * made; with no session to read it within the reconcile wait, it ends "no session" rather than
   * being sent blind.
   *
   * @param stop whether the call is to stop (the change cancelled or the engine stopping)
   * @param paused told when the call waits for the gateway's circuit breaker
   */
  AgentResult recheck(AgentCall.Work w, BooleanSupplier stop, Runnable paused) {
    long deadline = System.currentTimeMillis() + reconcileWait.toMillis();
    while (!stopping.getAsBoolean()) {
      long left = Math.max(0, deadline - System.currentTimeMillis());
      // a sign-in under way (the shard was just taken over) is waited for past the reconcile wait
      boolean signingIn = sessions.signingIn(w.agentId(), signInWait);
      Optional<AgentHandle> handle =
          sessions.awaitCurrent(
              w.agentId(), Duration.ofMillis(signingIn ? Math.max(left, 1000) : left));
      if (handle.isEmpty()) {
        if (signingIn) {
          continue;
        }
        break;
      }
      Reading state = ReadBack.read(gateway, handle.get(), limiter);
      if (state.isKnown()) {
        return state.matches(w.target())
            ? new AgentResult(
                w.outcomeId(),
                w.agentId(),
                w.target(),
                OutcomeStatus.SUCCEEDED,
                true,
                "0",
                CONFIRMED,
                0,
                0)
            : call.run(w, stop, paused);
      }
      if (System.currentTimeMillis() >= deadline) {
        break;
      }
      try {
        Thread.sleep(1000); // a rotated or renewed session answers on the next try
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return new AgentResult(
        w.outcomeId(),
        w.agentId(),
        w.target(),
        OutcomeStatus.NO_SESSION,
        false,
        null,
        "Interrupted by a restart, and no session to read the state back within "
            + reconcileWait.toSeconds()
            + " s, so it was not sent again",
        0,
        0);
  }
}
