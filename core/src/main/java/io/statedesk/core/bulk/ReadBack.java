package io.statedesk.core.bulk;

import io.statedesk.core.gateway.GatewayException;
import io.statedesk.core.gateway.SharedRate;
import io.statedesk.core.session.AgentHandle;
import java.util.Optional;

/**
 * The one read-back algorithm: {@code querycustomstate} once with the agent's current handle, and
 * the comparison with a target. Used after a call (verify), when a restarted instance reconciles
 * outcomes left in flight, and by desired-state reconciliation.
 */
public final class ReadBack {

  private ReadBack() {}

  /**
   * The agent's custom state (inner empty = none), or empty when it could not be read (a gateway
   * failure, or interrupted while waiting for a rate-limit permit).
   *
   * @param limiter this console's share of the call rate, or {@code null}
   */
  public static Optional<Optional<Integer>> read(
      GatewayPort gateway, AgentHandle handle, SharedRate limiter) {
    try {
      if (limiter != null) {
        limiter.acquirePermit();
      }
      return Optional.of(gateway.query(handle.auth()));
    } catch (GatewayException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /** Whether {@code actual} is {@code target} (a clear: no custom state). */
  public static boolean matches(StateTarget target, Optional<Integer> actual) {
    return target instanceof StateTarget.SetTo s
        ? actual.isPresent() && actual.get() == s.state().value()
        : actual.isEmpty();
  }

  /** For people: "none" or the code. */
  public static String describe(Optional<Integer> actual) {
    return actual.map(String::valueOf).orElse("none");
  }
}
