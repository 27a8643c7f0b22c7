package io.statedesk.web.api;

import io.statedesk.core.session.RelayClient;
import io.statedesk.core.session.RelayClients;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
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
    return clients.list().stream().map(RelayClientResource::describe).toList();
  }

  @DELETE
  @Path("{id}")
  public Response revoke(@PathParam("id") long id) {
    clients.revoke(id);
    return Response.noContent().build();
  }

  private static Map<String, Object> describe(RelayClient c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.getId());
    m.put("name", c.getName());
    m.put("active", c.isActive());
    m.put("createdAt", c.getCreatedAt().toString());
    m.put("createdBy", c.getCreatedBy());
    m.put("lastUsedAt", c.getLastUsedAt() == null ? null : c.getLastUsedAt().toString());
    return m;
  }
}
