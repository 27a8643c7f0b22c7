package io.statedesk.web.api;

import io.statedesk.core.gateway.AgentId;
import io.statedesk.core.session.AgentHandle;
import io.statedesk.core.session.RelaySessions;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
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
import java.util.LinkedHashMap;
import java.util.Map;

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
  @Context HttpServletRequest request;

  @PUT
  @Path("{agentId}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response register(@PathParam("agentId") String agentId, String body) {
    int id = agentId(agentId);
    JsonObject json = Json.object(body);
    AgentHandle handle =
        relay.register(
            id,
            Json.string(json, "guid", true),
            Json.string(json, "cookie", false),
            Json.integer(json, "authMode"),
            newSession(json),
            request.getRemoteAddr());
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("agentId", handle.agentId());
    answer.put("source", handle.source().name());
    answer.put("authMode", handle.authMode());
    answer.put("obtainedAt", handle.obtainedAt().toString());
    return Response.ok(answer).build();
  }

  @DELETE
  @Path("{agentId}")
  public Response withdraw(@PathParam("agentId") String agentId) {
    boolean removed = relay.unregister(agentId(agentId), request.getRemoteAddr());
    return removed
        ? Response.noContent().build()
        : ApiError.of(Response.Status.NOT_FOUND, "No relayed session for agent " + agentId, null);
  }

  /** Optional {@code "newSession": true}: the Guid comes from a new sign-in, not a rotation. */
  private static boolean newSession(JsonObject json) {
    JsonValue v = json.get("newSession");
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return false;
    }
    return switch (v.getValueType()) {
      case TRUE -> true;
      case FALSE -> false;
      default -> throw Json.bad("newSession must be true or false", "newSession");
    };
  }

  private static int agentId(String raw) {
    if (raw == null || !raw.matches("\\d{1,7}")) {
      throw Json.bad("agentId must be a number " + AgentId.RANGE, "agentId");
    }
    return Integer.parseInt(raw);
  }
}
