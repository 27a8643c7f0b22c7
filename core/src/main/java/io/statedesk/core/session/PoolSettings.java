package io.statedesk.core.session;

import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import java.time.Duration;
import java.util.Set;

/**
 * How a {@link HostedSessionPool} behaves.
 *
 * @param agents the agents to host
 * @param mode sign-in interface ({@code LOGINEX} uses no media licence)
 * @param forceIfElsewhere take over sessions held by another desktop (100-002) with forced sign-in
 * @param assumedAuthMode the gateway's AUTHMODE until a rotation proves it is 2
 * @param signInRate sign-ins per second, at start and after any loss
 * @param pollPause pause after each poll answer (the docs suggest 200-500 ms)
 * @param retryMin first retry delay after a transient failure
 * @param retryMax longest retry delay
 * @param takenOverRetry retry delay while another desktop holds the session
 * @param sessionTimeout the gateway's own session timeout (MAXTIME, 120 s by default): how long a
 *     session of this console outlives it, and how long a hold record is good for
 * @param reclaimRetry retry delay for 100-002 within {@code sessionTimeout} of the start
 * @param signOutOnStop sign hosted agents out when the console stops
 */
public record PoolSettings(
    Set<Integer> agents,
    SignInMode mode,
    boolean forceIfElsewhere,
    int assumedAuthMode,
    int signInRate,
    Duration pollPause,
    Duration retryMin,
    Duration retryMax,
    Duration takenOverRetry,
    Duration sessionTimeout,
    Duration reclaimRetry,
    boolean signOutOnStop) {

  public PoolSettings {
    agents = Set.copyOf(agents);
    if (signInRate < 1) {
      throw new IllegalArgumentException("signInRate must be at least 1 per second");
    }
  }
}
