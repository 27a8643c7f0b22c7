package io.statedesk.simulator.resource;

import io.statedesk.simulator.Simulator;
import io.statedesk.simulator.gateway.Gateway;
import io.statedesk.simulator.gateway.Reply;
import io.statedesk.simulator.gateway.Retcodes;
import io.statedesk.simulator.http.Incoming;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.container.AsyncResponse;
import java.util.function.BiFunction;

/** The resources' common step: the agent id of the path checked, then the call answered. */
final class GatewayCalls {

  private GatewayCalls() {}

  /**
   * Answers {@code body} for the path's agent id, or {@code 000-002} for an id outside 101..999999
   * (section 1.4). Reads the request on the calling (request) thread.
   */
  static void answer(
      Simulator simulator,
      HttpServletRequest request,
      String rawAgentId,
      String operation,
      BiFunction<Gateway, Integer, Reply> body,
      AsyncResponse out) {
    Integer id = Gateway.agentId(rawAgentId);
    Gateway gateway = simulator.gateway();
    simulator
        .responder()
        .answer(
            Incoming.of(request),
            operation,
            id == null ? 0 : id,
            () -> id == null ? Reply.error(Retcodes.BAD_PARAMETER) : body.apply(gateway, id),
            out);
  }
}
