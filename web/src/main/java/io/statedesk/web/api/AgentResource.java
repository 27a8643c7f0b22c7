package io.statedesk.web.api;

import io.statedesk.core.directory.AgentDirectory;
import io.statedesk.core.directory.AgentFilter;
import io.statedesk.core.directory.DirectoryImport;
import io.statedesk.core.directory.DirectorySync;
import io.statedesk.core.directory.SyncResult;
import io.statedesk.core.gateway.GatewayException;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.session.AgentSessions;
import io.statedesk.core.session.Availability;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The agent directory for automation: {@code GET /api/agents} with the picker's filters and paging,
 * scoped to the caller's teams; {@code POST /api/agents/sync} (admins) synchronises from the
 * gateway now.
 */
@Path("agents")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AgentResource {

  @Inject AgentDirectory directory;
  @Inject DirectoryImport directoryImport;
  @Inject DirectorySync sync;
  @Inject AgentSessions sessions;

  @GET
  public AgentJson.AgentPage list(
      @QueryParam("team") List<String> teams,
      @QueryParam("state") List<String> states,
      @QueryParam("customState") Integer customState,
      @QueryParam("skill") String skill,
      @QueryParam("session") List<String> sessionsParam,
      @QueryParam("q") String text,
      @QueryParam("sort") @DefaultValue("agentId") String sort,
      @QueryParam("desc") @DefaultValue("false") boolean descending,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("100") int max) {
    Set<GatewayState> parsed = new LinkedHashSet<>();
    for (String s : states) {
      try {
        parsed.add(GatewayState.valueOf(s.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw Json.bad(
            "state '"
                + s
                + "' is not a gateway state (IDLE, BUSY, TALKING, WORK, REST, SIGNED_OUT, ...)",
            "state");
      }
    }
    if (max < 1 || max > 1000 || first < 0) {
      throw Json.bad("first must be >= 0 and max 1..1000", "max");
    }
    Set<Availability> availability = EnumSet.noneOf(Availability.class);
    for (String a : sessionsParam) {
      Availability v =
          Availability.named(a)
              .orElseThrow(
                  () -> Json.bad("session '" + a + "' must be " + Availability.names(), "session"));
      availability.add(v);
    }
    AgentFilter filter =
        new AgentFilter(new LinkedHashSet<>(teams), skill, parsed, customState, text, availability);
    return new AgentJson.AgentPage(
        directory.count(filter),
        first,
        directory.page(filter, sort, !descending, first, max).stream()
            .map(a -> AgentJson.Agent.of(a, sessions.availability(a.getAgentId())))
            .toList());
  }

  @POST
  @Path("sync")
  public Response syncNow() {
    try {
      SyncResult result = sync.syncNow();
      return Response.ok(AgentJson.Synced.of(result)).build();
    } catch (GatewayException e) {
      return ApiError.of(
          Response.Status.BAD_GATEWAY,
          "The gateway failed during the sync; the directory is unchanged: " + e.getMessage(),
          null);
    } catch (IllegalStateException e) {
      return ApiError.of(Response.Status.CONFLICT, e.getMessage(), null);
    }
  }

  /**
   * Imports agents from a CSV body (admins): header {@code agent_id,name,team,skills,phone}. All or
   * nothing: 400 with every bad row by line.
   */
  @POST
  @Path("import")
  @Consumes("text/csv")
  public Response importCsv(byte[] body) {
    SyncResult result = directoryImport.importCsv(body);
    return Response.ok(AgentJson.Imported.of(result)).build();
  }
}
