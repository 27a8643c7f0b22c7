package io.statedesk.web.api;

import io.statedesk.core.directory.AgentFilter;
import io.statedesk.core.selection.SelectionView;
import io.statedesk.core.selection.Selections;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
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
import java.util.TreeSet;
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

  @GET
  @Operation(
      summary = "The saved selections the caller may use",
      description = "Their own first, then those shared with one of their teams; admins: all.")
  public Map<String, Object> list() {
    return Map.of(
        "selections", selections.list().stream().map(SelectionResource::describe).toList());
  }

  @GET
  @Path("{id}")
  @Operation(summary = "One saved selection (404 if it is not one the caller may see)")
  public Map<String, Object> get(@PathParam("id") String id) {
    return describe(selections.get(ApiParams.id(id)));
  }

  @GET
  @Path("{id}/agents")
  @Operation(
      summary = "The agents the selection gives the caller now",
      description =
          "A dynamic selection's filter re-evaluated now, a fixed one's agents; either way only"
              + " agents of the caller's teams.")
  public Map<String, Object> agents(@PathParam("id") String id) {
    List<Integer> agents = selections.agents(ApiParams.id(id));
    return Map.of("total", agents.size(), "agents", agents);
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
    JsonObject json = Json.object(body);
    String name = Json.string(json, "name", false);
    String team = Json.string(json, "team", false);
    List<Integer> agents = AgentsJson.agents(json);
    AgentFilter filter = AgentsJson.filter(json);
    if ((agents == null) == (filter == null)) {
      throw Json.bad("Give either filter (dynamic) or agents (fixed)", "filter");
    }
    SelectionView made =
        agents == null
            ? selections.saveFilter(name, filter, team)
            : selections.saveAgents(name, agents, team);
    return Response.status(Response.Status.CREATED).entity(describe(made)).build();
  }

  @DELETE
  @Path("{id}")
  @Operation(summary = "Deletes a selection (its owner or an admin; 204)")
  public Response delete(@PathParam("id") String id) {
    selections.delete(ApiParams.id(id));
    return Response.noContent().build();
  }

  static Map<String, Object> describe(SelectionView s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("name", s.name());
    m.put("kind", s.kind().name());
    m.put("owner", s.owner());
    m.put("team", s.sharedTeam());
    m.put("shared", s.sharedTeam() != null);
    m.put("mine", s.mine());
    m.put("editable", s.editable());
    m.put("filter", s.filter() == null ? null : filter(s.filter()));
    m.put("agents", s.filter() == null ? s.agents() : null);
    m.put("updatedAt", s.updatedAt().toString());
    return m;
  }

  private static Map<String, Object> filter(AgentFilter f) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("teams", new TreeSet<>(f.teams()));
    m.put("skill", f.skill());
    m.put("states", f.states().stream().map(Enum::name).sorted().toList());
    m.put("customState", f.customState());
    m.put("text", f.text());
    m.put("sessions", new TreeSet<>(f.sessions()));
    m.put("skills", new TreeSet<>(f.skills()));
    return m;
  }
}
