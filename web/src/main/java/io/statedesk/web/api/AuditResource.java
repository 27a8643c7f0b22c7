package io.statedesk.web.api;

import io.statedesk.core.trail.AgentHistories;
import io.statedesk.core.trail.AgentHistory;
import io.statedesk.core.trail.AuditCategory;
import io.statedesk.core.trail.AuditExport;
import io.statedesk.core.trail.AuditFilter;
import io.statedesk.core.trail.AuditPage;
import io.statedesk.core.trail.AuditTrail;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.Arrays;
import java.util.Locale;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The audit trail for automation, with the page's filters and scope (core's {@link AuditTrail}
 * checks the caller: admins read everything, supervisors their own actions and what concerns their
 * teams' agents). Pages are newest first and continue with the {@code next} cursor.
 */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class AuditResource {

  @Inject AuditTrail trail;
  @Inject AuditExport export;
  @Inject AgentHistories histories;

  @GET
  @Operation(
      summary = "Audited events, newest first",
      description =
          "Filters: actor (exactly), what (a category: "
              + "SIGN_IN, USERS, API_TOKENS, RELAY, CATALOG, DIRECTORY, CHANGES, SCHEDULES, SELECTIONS, AGENTS,"
              + " AUDIT), action (exactly), from/to (ISO-8601 instants, to exclusive), agent (events"
              + " about the agent and the changes that included it), change. Paging: max (1..500)"
              + " and the previous page's next cursor as after (or first, an offset).")
  public AuditPage page(
      @BeanParam Filter filter,
      @QueryParam("after") String after,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("50") int max) {
    return trail.page(filter.toFilter(), after, first, max);
  }

  @GET
  @Path("export")
  @Produces("text/csv")
  @Operation(
      summary = "The same events as CSV (UTF-8 with a byte-order mark), streamed",
      description = "Same filters as GET /api/audit; every matching event, newest first.")
  public Response export(@BeanParam Filter filter) {
    AuditFilter f = filter.toFilter();
    StreamingOutput body = out -> export.csv(f, out);
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"audit.csv\"")
        .build();
  }

  @GET
  @Path("agents/{id}")
  @Operation(
      summary = "An agent's history",
      description =
          "Every state changes gave the agent (by whom, through which change, with the label as it"
              + " was then and today's beside it if renamed), and the events about it.")
  public AgentHistory agent(@PathParam("id") String id) {
    int agentId;
    try {
      agentId = Integer.parseInt(id);
    } catch (NumberFormatException e) {
      throw Json.bad("agent id must be a number, was '" + id + "'", "id");
    }
    return histories.of(agentId);
  }

  /** The filters of the page and the export, as query parameters. */
  public static class Filter {
    @QueryParam("actor")
    String actor;

    @QueryParam("what")
    String what;

    @QueryParam("action")
    String action;

    @QueryParam("from")
    String from;

    @QueryParam("to")
    String to;

    @QueryParam("agent")
    Integer agent;

    @QueryParam("change")
    Long change;

    AuditFilter toFilter() {
      return new AuditFilter(
          actor,
          category(what),
          action,
          ApiParams.instant(from, "from"),
          ApiParams.instant(to, "to"),
          agent,
          change);
    }
  }

  private static AuditCategory category(String what) {
    if (what == null || what.isBlank()) {
      return null;
    }
    try {
      return AuditCategory.valueOf(what.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw Json.bad(
          "what '" + what + "' must be one of " + Arrays.toString(AuditCategory.values()), "what");
    }
  }
}
