package io.statedesk.core.gateway;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One {@code FINE} line and one metric ({@link GatewayCallMetrics}) per gateway call, with the Guid
 * masked. Why the logger keeps {@link GatewayClient}'s name: operations.md names that logger for
 * the per-call lines, whichever class of the client writes them.
 */
final class GatewayCallLog {

  private static final Logger LOG = Logger.getLogger(GatewayClient.class.getName());

  private GatewayCallLog() {}

  /**
   * Records one call.
   *
   * @param outcome a retcode, {@code HTTP 503}, or a failure's text
   * @param start {@link System#nanoTime()} when the call was sent
   */
  static void record(GatewayRequest request, String outcome, long start) {
    GatewayCallMetrics.record(request.operation(), outcome, System.nanoTime() - start);
    if (LOG.isLoggable(Level.FINE)) {
      LOG.fine(
          "gateway "
              + request.operation()
              + " agent "
              + request.agentId()
              + " guid "
              + (request.auth() == null ? "-" : Guids.mask(request.auth().guid()))
              + " -> "
              + outcome
              + " in "
              + (System.nanoTime() - start) / 1_000_000
              + " ms");
    }
  }
}
