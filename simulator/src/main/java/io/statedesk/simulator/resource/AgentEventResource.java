package io.statedesk.simulator.resource;

import io.statedesk.simulator.Simulator;
import io.statedesk.simulator.gateway.Gateway;
import io.statedesk.simulator.http.Incoming;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /resource/agentevent/{agentid}}: the event long-poll (section 7.1), answered
 * asynchronously: a held poll is a waiter on its session, completed by an event, a Guid rotation
 * due, the session's end or a scheduled time-out, never a sleeping request thread.
 */
@Path("resource/agentevent/{agentid}")
@RequestScoped
public class AgentEventResource {

  @Inject Simulator simulator;
  @Context HttpServletRequest request;

  @GET
  public void poll(
      @PathParam("agentid") String agentId,
      @HeaderParam("guid") String guid,
      @HeaderParam("Cookie") String cookie,
      @Suspended AsyncResponse response) {
    Integer id = Gateway.agentId(agentId);
    Incoming in = Incoming.of(request);
    if (id == null) {
      response.resume(simulator.responder().unknown(in));
      return;
    }
    Gateway gateway = simulator.gateway();
    response.setTimeout(gateway.settings().pollWaitMs() + 60_000, TimeUnit.MILLISECONDS);
    Gateway.Credentials credentials = new Gateway.Credentials(guid, cookie);
    simulator
        .responder()
        .answerLater(
            in, "getAgentEvent", id, resume -> gateway.poll(id, credentials, resume), response);
  }
}
