package io.statedesk.web.api;

import io.statedesk.core.selection.SelectionView;
import io.statedesk.core.selection.Selections;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Saved selections for automation, with the pages' rules (core's {@link Selections} checks the
 * caller: their own and those shared with their teams; admins all). A selection's id is then given
 * as {@code selection} in the body of {@code POST /api/changes} or {@code POST /api/schedules}.
 */
@Path("selections")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class SelectionResource {

  @Inject Selections selections;
  @Inject JsonBodies bodies;

  @GET
  @Operation(
      summary = "The saved selections the caller may use",
      description = "Their own first, then those shared with one of their teams; admins: all.")
  public SelectionJson.SelectionList list() {
    return new SelectionJson.SelectionList(
        selections.list().stream().map(SelectionJson.Selection::of).toList());
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One saved selection (404 if it is not one the caller may see)")
  public SelectionJson.Selection get(@PathParam("id") String id) {
    return SelectionJson.Selection.of(selections.get(ApiParams.id(id)));
  }

  @GET
  @Path("{id}/agents")
  @Operation(
      summary = "The agents the selection gives the caller now",
      description =
          "A dynamic selection's filter re-evaluated now, a fixed one's agents; either way only"
              + " agents of the caller's teams.")
  public SelectionJson.Agents agents(@PathParam("id") String id) {
    List<Integer> agents = selections.agents(ApiParams.id(id));
    return new SelectionJson.Agents(agents.size(), agents);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Saves a selection (201)",
      description =
          "Body: name (1..80 characters, unique per user), and either filter (an object as in"
              + " POST /api/changes: dynamic, re-evaluated when used) or agents (ids: fixed);"
              + " team shares it with one of the caller's teams (left out: private). 409 when the"
              + " caller already has a selection of that name.")
  public Response save(String body) {
    SelectionBody selection = bodies.read(Json.object(body), SelectionBody.class);
    if (!selection.givesOne()) {
      throw Json.bad("Give either filter (dynamic) or agents (fixed)", "filter");
    }
    SelectionView made =
        selection.agents() == null
            ? selections.saveFilter(
                selection.name(), selection.filter().toFilter(), selection.team())
            : selections.saveAgents(selection.name(), selection.agentIds(), selection.team());
    return Response.status(Response.Status.CREATED)
        .entity(SelectionJson.Selection.of(made))
        .build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Deletes a selection (its owner or an admin; 204)")
  public Response delete(@PathParam("id") String id) {
    selections.delete(ApiParams.id(id));
    return Response.noContent().build();
  }
}
