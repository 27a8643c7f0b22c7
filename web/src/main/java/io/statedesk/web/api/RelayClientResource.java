package io.statedesk.web.api;

import io.statedesk.core.session.RelayClient;
import io.statedesk.core.session.RelayClients;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Relay clients for admins: {@code POST /api/relay-clients {"name"}} returns the token once; {@code
 * GET} lists clients (never tokens); {@code DELETE /api/relay-clients/{id}} revokes.
 */
@Path("relay-clients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RelayClientResource {

  @Inject RelayClients clients;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body) {
    RelayClients.Created created = clients.create(Json.string(Json.object(body), "name", true));
    Map<String, Object> answer = describe(created.client());
    answer.put("token", created.token());
    return Response.status(Response.Status.CREATED).entity(answer).build();
  }

  @GET
  public List<Map<String, Object>> list() {
    return clients.list().stream().map(this::describe).toList();
  }

  @DELETE
  @Path("{id}")
  public Response revoke(@PathParam("id") long id) {
    clients.revoke(id);
    return Response.noContent().build();
  }

  /**
   * {@code PUT /api/relay-clients/{id}/scope {"teams":["Billing"], "agents":"10001-10300",
   * "expiresAt":"2027-01-01T00:00:00Z"}}: which agents the client may relay for, and until when.
   */
  @PUT
  @Path("{id}/scope")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> scope(@PathParam("id") long id, String body) {
    JsonObject json = Json.object(body);
    String teams = null;
    JsonValue t = json.get("teams");
    if (t != null && t.getValueType() == JsonValue.ValueType.ARRAY) {
      StringBuilder joined = new StringBuilder();
      for (JsonValue v : t.asJsonArray()) {
        if (!(v instanceof JsonString s)) {
          throw Json.bad("teams must be an array of team names", "teams");
        }
        joined.append(s.getString()).append('\n');
      }
      teams = joined.toString();
    } else if (t != null && t.getValueType() != JsonValue.ValueType.NULL) {
      throw Json.bad("teams must be an array of team names", "teams");
    }
    String expires = Json.string(json, "expiresAt", false);
    Instant expiresAt;
    try {
      expiresAt = expires == null ? null : Instant.parse(expires);
    } catch (DateTimeParseException e) {
      throw Json.bad(
          "expiresAt must be an ISO-8601 instant, e.g. 2027-01-01T00:00:00Z", "expiresAt");
    }
    return describe(clients.setScope(id, teams, Json.string(json, "agents", false), expiresAt));
  }

  private Map<String, Object> describe(RelayClient c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.getId());
    m.put("name", c.getName());
    m.put("active", c.isActive());
    m.put("createdAt", c.getCreatedAt().toString());
    m.put("createdBy", c.getCreatedBy());
    Instant lastUsed = clients.lastUsed(c);
    m.put("lastUsedAt", lastUsed == null ? null : lastUsed.toString());
    m.put("teams", List.copyOf(c.scope().teams()));
    m.put("agents", c.scope().agentsText());
    m.put("expiresAt", c.getExpiresAt() == null ? null : c.getExpiresAt().toString());
    return m;
  }
}
