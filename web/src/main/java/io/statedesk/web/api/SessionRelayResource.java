package io.statedesk.web.api;

import io.statedesk.core.gateway.AgentId;
import io.statedesk.core.session.AgentHandle;
import io.statedesk.core.session.RelaySessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The session relay for desktops and CTI middleware: {@code PUT /api/sessions/{agentId}} with
 * {@code {"guid", "cookie"?, "authMode"?}} after every sign-in and Guid rotation, {@code DELETE} at
 * sign-out. Relay tokens only ({@code Authorization: Bearer}); the Guid is never echoed back.
 */
@Path("sessions")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SessionRelayResource {

  @Inject RelaySessions relay;
  @Inject JsonBodies bodies;
  @Context HttpServletRequest request;

  @PUT
  @Path("{agentId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(@PathParam("agentId") String agentId, String body) {
    int id = agentId(agentId);
    SessionBody session = bodies.read(Json.object(body), SessionBody.class);
    AgentHandle handle =
        relay.register(
            id,
            session.guid(),
            session.cookie(),
            session.authMode(),
            Boolean.TRUE.equals(session.newSession()),
            request.getRemoteAddr());
    return Response.ok(RelayJson.Session.of(handle)).build();
  }

  @DELETE
  @Path("{agentId}")
  public Response withdraw(@PathParam("agentId") String agentId) {
    boolean removed = relay.unregister(agentId(agentId), request.getRemoteAddr());
    return removed
        ? Response.noContent().build()
        : ApiError.of(Response.Status.NOT_FOUND, "No relayed session for agent " + agentId, null);
  }

  private static int agentId(String raw) {
    if (raw == null || !raw.matches("\\d{1,7}")) {
      throw Json.bad("agentId must be a number " + AgentId.RANGE, "agentId");
    }
    return Integer.parseInt(raw);
  }
}
