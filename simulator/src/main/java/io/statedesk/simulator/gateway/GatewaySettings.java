package io.statedesk.simulator.gateway;

/**
 * The gateway-side settings that shape sessions (section 2.2 and 3.6 of gateway-api.md), all in
 * milliseconds, changeable at run time through the control API.
 *
 * @param authMode 1 = static Guid, 2 = rotating Guid (the gateway default)
 * @param guidIntervalMs GUIDINTERVAL: how often the Guid rotates in mode 2 (docs: 60000)
 * @param guidTimeoutMs GUIDTIMEOUT: how long a Guid stays valid after it was issued (docs: 120000)
 * @param maxIdleMs MAXTIME: sign-out after this long without any request (docs: 120000)
 * @param pollWaitMs how long an event poll is held when no event is queued (docs: about 10000)
 * @param lbCookie whether a load-balancer cookie is set at sign-in and required afterwards
 * @param nodes number of gateway nodes named in Guids ({@code AgentGateway0..n-1})
 */
public record GatewaySettings(
    int authMode,
    long guidIntervalMs,
    long guidTimeoutMs,
    long maxIdleMs,
    long pollWaitMs,
    boolean lbCookie,
    int nodes) {

  /** The documented defaults. */
  public static GatewaySettings defaults() {
    return new GatewaySettings(2, 60_000, 120_000, 120_000, 10_000, false, 2);
  }

  /**
   * Checks the combination.
   *
   * @throws IllegalArgumentException naming the first broken rule
   */
  public GatewaySettings validate() {
    if (authMode != 1 && authMode != 2) {
      throw new IllegalArgumentException("authMode must be 1 or 2, was " + authMode);
    }
    if (guidIntervalMs <= 0 || guidTimeoutMs <= 0 || guidIntervalMs >= guidTimeoutMs) {
      throw new IllegalArgumentException(
          "guidIntervalMs must be positive and below guidTimeoutMs (the docs' rule), was "
              + guidIntervalMs
              + " / "
              + guidTimeoutMs);
    }
    if (maxIdleMs <= 0 || pollWaitMs <= 0 || pollWaitMs >= maxIdleMs) {
      throw new IllegalArgumentException(
          "pollWaitMs must be positive and below maxIdleMs, was " + pollWaitMs + " / " + maxIdleMs);
    }
    if (nodes < 1 || nodes > 16) {
      throw new IllegalArgumentException("nodes must be 1..16, was " + nodes);
    }
    return this;
  }
}
