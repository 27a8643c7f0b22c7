package io.statedesk.core.bulk;

import dev.failsafe.CircuitBreaker;
import io.statedesk.core.gateway.GatewayException;
import io.statedesk.core.gateway.GatewayUnavailableException;
import io.statedesk.core.gateway.SharedRate;
import io.statedesk.core.session.AgentHandle;
import java.util.function.BooleanSupplier;

/**
 * The one way a change's calls go to the gateway: after the shared circuit breaker lets them (while
 * it is open the gateway is down for everyone, and an agent waits instead of burning its retry
 * budget), within this console's share of the cluster's call rate, and each answer reported back to
 * the breaker. {@link AgentCall} decides which calls to make; this class makes them, so that no
 * call or read-back of a change can go round the breaker or the rate.
 */
final class GatewayGate {

  private final GatewayPort gateway;
  private final CircuitBreaker<Object> breaker;
  private final SharedRate limiter;

  /**
   * @param limiter this console's share of the cluster's call rate, or {@code null} for no limit
   */
  GatewayGate(GatewayPort gateway, CircuitBreaker<Object> breaker, SharedRate limiter) {
    this.gateway = gateway;
    this.breaker = breaker;
    this.limiter = limiter;
  }

  /** Failures that make the gateway look down for everyone, so they count for the breaker. */
  static boolean isOutage(Throwable failure) {
    if (failure instanceof GatewayUnavailableException u) {
      return switch (u.kind()) {
        case CONNECT, TIMEOUT -> true;
        case HTTP_STATUS -> u.httpStatus() == 502 || u.httpStatus() == 503 || u.httpStatus() == 504;
        case TLS, BAD_RESPONSE -> false;
      };
    }
    return false;
  }

  /**
   * One call for the agent of {@code handle}: sets {@code target}'s code, or clears the state.
   * Every answer tells the breaker whether the gateway is up: an outage counts against it, any
   * other answer (even a refusal) for it.
   */
  void call(AgentHandle handle, StateTarget target) {
    try {
      if (target instanceof StateTarget.SetTo s) {
        gateway.set(handle.auth(), s.state());
      } else {
        gateway.clear(handle.auth());
      }
      breaker.recordSuccess();
    } catch (GatewayException e) {
      if (isOutage(e)) {
        breaker.recordFailure();
      } else {
        breaker.recordSuccess(); // it answered: the gateway is up
      }
      throw e;
    } catch (RuntimeException e) {
      breaker.recordSuccess();
      throw e;
    }
  }

  /**
   * Waits while the breaker is open (telling {@code paused} each time); then takes a permit of this
   * console's share of the call rate.
   *
   * @throws AgentCall.CancelledException when {@code cancelled} says so, before or while waiting
   */
  void await(BooleanSupplier cancelled, Runnable paused) throws InterruptedException {
    if (cancelled.getAsBoolean()) {
      throw new AgentCall.CancelledException();
    }
    while (!breaker.tryAcquirePermit()) {
      paused.run();
      if (cancelled.getAsBoolean()) {
        throw new AgentCall.CancelledException();
      }
      long wait = Math.max(20, Math.min(250, breaker.getRemainingDelay().toMillis()));
      Thread.sleep(wait);
    }
    if (limiter != null) {
      limiter.acquirePermit();
    }
  }

  /** The agent's custom state as the gateway has it now, or unknown when it could not be read. */
  Reading readBack(AgentHandle handle) {
    return ReadBack.read(gateway, handle, limiter);
  }
}
