package io.statedesk.web.api;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.bulk.BulkChanges;
import io.statedesk.core.bulk.ChangeHistory;
import io.statedesk.core.bulk.ChangeRequest;
import io.statedesk.core.bulk.ChangeView;
import io.statedesk.core.bulk.HistoryFilter;
import io.statedesk.core.bulk.OutcomeExport;
import io.statedesk.core.bulk.OutcomeStatus;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.IdempotencyKeys;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Bulk changes for automation, with the rules of the pages (core's {@link BulkChanges} checks the
 * caller and validates). {@code POST /api/changes?dryRun=true} previews; without it the change is
 * made (201), and a repeated {@code Idempotency-Key} returns the change made the first time (200).
 */
@Path("changes")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ChangeResource {

  @Inject BulkChanges changes;
  @Inject ChangeHistory history;
  @Inject IdempotencyKeys keys;
  @Inject Caller caller;
  @Inject TeamScope teams;
  @Inject ChangeBodies bodies;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Makes a change (201), or previews it with dryRun=true",
      description =
          "Body: the agents as one of agents (ids), filter (teams, states, customState, text,"
              + " sessions, skills) or selection (the id of a saved selection: a dynamic one is"
              + " re-evaluated now, within the caller's teams); code or clear; note, verify,"
              + " confirmCount.")
  public Response submit(
      @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("1000") int max,
      @HeaderParam("Idempotency-Key") String key,
      String body) {
    JsonObject json = Json.object(body);
    ChangeRequest request = bodies.read(json, key);
    if (dryRun) {
      ApiParams.paging(first, max, PreviewJson.PREVIEW_PAGE); // before the preview is made
      return Response.ok(PreviewJson.PreviewPage.of(changes.preview(request), first, max)).build();
    }
    // the key is bound to the body it was first used with: another body is a 409, not the
    // first change returned as if it were this one
    keys.check(caller.name(), key, json.toString());
    BulkChanges.Submitted made = changes.submit(request);
    if (made.created()) {
      keys.bind(caller.name(), key, json.toString());
    }
    return made(made);
  }

  @GET
  public ChangeJson.ChangePage history(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("createdBy") String createdBy,
      @QueryParam("code") Integer code,
      @QueryParam("team") String team,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("50") int max) {
    ApiParams.paging(first, max, 500);
    HistoryFilter filter =
        new HistoryFilter(
            ApiParams.instant(from, "from"), ApiParams.instant(to, "to"), createdBy, code, team);
    return new ChangeJson.ChangePage(
        history.countHistory(filter),
        first,
        history.history(filter, first, max).stream().map(this::scoped).toList());
  }

  @GET
  @Path("{id}")
  public ChangeJson.Change get(@PathParam("id") String id) {
    return scoped(changes.get(ApiParams.id(id)));
  }

  @GET
  @Path("{id}/outcomes")
  public ChangeJson.OutcomePage outcomes(
      @PathParam("id") String id,
      @QueryParam("status") List<String> statuses,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("100") int max) {
    long change = ApiParams.id(id);
    ApiParams.paging(first, max, 1000);
    Set<OutcomeStatus> wanted = ApiParams.outcomeStatuses(statuses);
    return new ChangeJson.OutcomePage(
        changes.countOutcomes(change, wanted),
        first,
        changes.outcomes(change, wanted, first, max).stream().map(ChangeJson.Outcome::of).toList());
  }

  @GET
  @Path("{id}/export")
  @Produces("text/csv")
  public Response export(@PathParam("id") String id) {
    OutcomeExport export = changes.export(ApiParams.id(id));
    StreamingOutput body = export::writeCsv;
    return Response.ok(body, "text/csv; charset=UTF-8")
        .header(
            "Content-Disposition", "attachment; filename=\"change-" + export.change() + ".csv\"")
        .build();
  }

  @POST
  @Path("{id}/cancel")
  public ChangeJson.Change cancel(@PathParam("id") String id) {
    return scoped(changes.cancel(ApiParams.id(id)));
  }

  @POST
  @Path("{id}/retry-failed")
  public Response retryFailed(
      @PathParam("id") String id, @HeaderParam("Idempotency-Key") String key) {
    return made(changes.retryFailed(ApiParams.id(id), key));
  }

  @POST
  @Path("{id}/undo")
  public Response undo(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key) {
    return made(changes.undo(ApiParams.id(id), key));
  }

  private Response made(BulkChanges.Submitted made) {
    return Response.status(made.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(scoped(made.change()))
        .build();
  }

  /**
   * A change as the caller may see it: a supervisor looking at another supervisor's change (one
   * that touched their teams) sees the totals of their teams' agents only, counted by core's
   * team-scoped {@link BulkChanges#countOutcomesByStatus} (one read, so that an agent moving on
   * meanwhile is not counted twice); "verified" is then not given ({@code null}).
   */
  ChangeJson.Change scoped(ChangeView c) {
    if (teams.callerSeesAll() || c.createdBy().equals(caller.name())) {
      return ChangeJson.Change.of(c);
    }
    return ChangeJson.Change.teamScoped(c, changes.countOutcomesByStatus(c.id()));
  }
}
