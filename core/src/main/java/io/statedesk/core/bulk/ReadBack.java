package io.statedesk.core.bulk;

import io.statedesk.core.gateway.GatewayException;
import io.statedesk.core.gateway.SharedRate;
import io.statedesk.core.session.AgentHandle;

/**
 * The one read-back algorithm: {@code querycustomstate} once with the agent's current handle. Used
 * after a call (verify), when a restarted instance reconciles outcomes left in flight, and by
 * desired-state reconciliation; the comparison with a target is {@link Reading#matches}.
 */
public final class ReadBack {

  private ReadBack() {}

  /**
   * The agent's custom state, or {@link Reading.Unknown} when it could not be read (a gateway
   * failure, or interrupted while waiting for a rate-limit permit).
   *
   * @param limiter this console's share of the call rate, or {@code null}
   */
  public static Reading read(GatewayPort gateway, AgentHandle handle, SharedRate limiter) {
    try {
      if (limiter != null) {
        limiter.acquirePermit();
      }
      return Reading.of(gateway.query(handle.auth()));
    } catch (GatewayException e) {
      return Reading.UNKNOWN;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Reading.UNKNOWN;
    }
  }
}
