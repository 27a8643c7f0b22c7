package io.statedesk.web.api;

import io.statedesk.core.session.RelayClient;
import io.statedesk.core.session.RelayClients;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
import java.util.List;

/**
 * Relay clients for admins: {@code POST /api/relay-clients {"name"}} returns the token once; {@code
 * GET} lists clients (never tokens); {@code DELETE /api/relay-clients/{id}} revokes.
 */
@Path("relay-clients")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class RelayClientResource {

  @Inject RelayClients clients;
  @Inject JsonBodies bodies;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body) {
    RelayClientBody client = bodies.read(Json.object(body), RelayClientBody.class);
    RelayClients.Created created = clients.create(client.name());
    return Response.status(Response.Status.CREATED)
        .entity(
            RelayJson.Client.of(
                created.client(), clients.lastUsed(created.client()), created.token()))
        .build();
  }

  @GET
  public List<RelayJson.Client> list() {
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
  public RelayJson.Client scope(@PathParam("id") long id, String body) {
    RelayScopeBody scope = bodies.read(Json.object(body), RelayScopeBody.class);
    return describe(clients.setScope(id, scope.teamLines(), scope.agents(), scope.expiry()));
  }

  private RelayJson.Client describe(RelayClient c) {
    return RelayJson.Client.of(c, clients.lastUsed(c), null);
  }
}
