package io.statedesk.web.api;

import io.statedesk.core.bulk.ChangeRequest;
import io.statedesk.core.schedule.ScheduleView;
import io.statedesk.core.schedule.Schedules;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Scheduled changes for automation: the body of a change ({@code agents}, {@code filter} or {@code
 * selection}, {@code code} or {@code clear}, {@code note}) plus {@code startAt} (ISO-8601 instant,
 * seconds precision) and optionally {@code revertAt} or {@code revertAfterSeconds}. {@code
 * ?dryRun=true} previews; a repeated {@code Idempotency-Key} returns the schedule made the first
 * time (200 instead of 201).
 */
@Path("schedules")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class ScheduleResource {

  @Inject Schedules schedules;
  @Inject ChangeBodies bodies;

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary = "Schedules a change (201), or previews it with dryRun=true",
      description =
          "Body: as POST /api/changes (agents, filter or selection; a selection's agents are"
              + " fixed when scheduled), plus startAt and optionally revertAt or"
              + " revertAfterSeconds.")
  public Response schedule(
      @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("1000") int max,
      @HeaderParam("Idempotency-Key") String key,
      String body) {
    JsonObject json = Json.object(body);
    ChangeRequest change = bodies.read(json, key);
    Integer after = Json.integer(json, "revertAfterSeconds");
    if (after != null && after <= 0) {
      throw Json.bad("revertAfterSeconds must be positive, was " + after, "revertAfterSeconds");
    }
    Schedules.ScheduleRequest request =
        new Schedules.ScheduleRequest(
            change,
            ApiParams.instant(Json.string(json, "startAt", true), "startAt"),
            ApiParams.instant(Json.string(json, "revertAt", false), "revertAt"),
            after == null ? null : Duration.ofSeconds(after));
    if (dryRun) {
      ApiParams.paging(first, max, ChangeJson.PREVIEW_PAGE); // before the preview is made
      return Response.ok(ChangeJson.describe(schedules.preview(request), first, max)).build();
    }
    Schedules.Scheduled made = schedules.schedule(request);
    return Response.status(made.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(describe(made.schedule()))
        .build();
  }

  @GET
  public Map<String, Object> list(@QueryParam("open") @DefaultValue("false") boolean open) {
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("schedules", schedules.list(open).stream().map(ScheduleResource::describe).toList());
    return answer;
  }

  @GET
  @Path("{id}")
  public Map<String, Object> get(@PathParam("id") String id) {
    return describe(schedules.get(ApiParams.id(id)));
  }

  /**
   * Edits a schedule that has not started: {@code startAt} and {@code revertAt} (none if left out),
   * and {@code code} (unchanged if left out).
   */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> edit(@PathParam("id") String id, String body) {
    JsonObject json = Json.object(body);
    long schedule = ApiParams.id(id);
    // a code left out stays as it is
    Integer code =
        json.containsKey("code") ? Json.integer(json, "code") : schedules.get(schedule).code();
    return describe(
        schedules.edit(
            schedule,
            code,
            ApiParams.instant(Json.string(json, "startAt", true), "startAt"),
            ApiParams.instant(Json.string(json, "revertAt", false), "revertAt")));
  }

  /** Cancels a schedule that has not started; again is fine. */
  @POST
  @Path("{id}/cancel")
  public Map<String, Object> cancel(@PathParam("id") String id) {
    return describe(schedules.cancel(ApiParams.id(id)));
  }

  static Map<String, Object> describe(ScheduleView s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", s.id());
    m.put("createdAt", s.createdAt().toString());
    m.put("createdBy", s.createdBy());
    m.put("agents", s.agents());
    m.put("code", s.code());
    m.put("clear", s.code() == null);
    m.put("note", s.note());
    m.put("startAt", s.startAt().toString());
    m.put("revertAt", s.revertAt() == null ? null : s.revertAt().toString());
    m.put("status", s.status().name());
    m.put("statusDetail", s.statusDetail());
    m.put("changeId", s.changeId());
    m.put("revertChangeId", s.revertChangeId());
    m.put("editable", s.editable());
    return m;
  }
}
