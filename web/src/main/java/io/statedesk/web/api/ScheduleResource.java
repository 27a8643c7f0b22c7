package io.statedesk.web.api;

import io.statedesk.core.bulk.ChangeRequest;
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
  @Inject ChangeBodies changeBodies;
  @Inject JsonBodies bodies;

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
    ChangeRequest change = changeBodies.read(json, key);
    ScheduleBody times = bodies.read(json, ScheduleBody.class);
    Schedules.ScheduleRequest request =
        new Schedules.ScheduleRequest(change, times.start(), times.revert(), times.revertAfter());
    if (dryRun) {
      ApiParams.paging(first, max, PreviewJson.PREVIEW_PAGE); // before the preview is made
      return Response.ok(PreviewJson.PreviewPage.of(schedules.preview(request), first, max))
          .build();
    }
    Schedules.Scheduled made = schedules.schedule(request);
    return Response.status(made.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(ScheduleJson.Schedule.of(made.schedule()))
        .build();
  }

  @GET
  public ScheduleJson.ScheduleList list(@QueryParam("open") @DefaultValue("false") boolean open) {
    return new ScheduleJson.ScheduleList(
        schedules.list(open).stream().map(ScheduleJson.Schedule::of).toList());
  }

  @GET
  @Path("{id}")
  public ScheduleJson.Schedule get(@PathParam("id") String id) {
    return ScheduleJson.Schedule.of(schedules.get(ApiParams.id(id)));
  }

  /**
   * Edits a schedule that has not started: {@code startAt} and {@code revertAt} (none if left out),
   * and {@code code} (unchanged if left out).
   */
  @PUT
  @Path("{id}")
  @Consumes(MediaType.APPLICATION_JSON)
  public ScheduleJson.Schedule edit(@PathParam("id") String id, String body) {
    JsonObject json = Json.object(body);
    long schedule = ApiParams.id(id);
    ScheduleEditBody edit = bodies.read(json, ScheduleEditBody.class);
    // a code left out stays as it is; "code": null clears the state
    Integer code = json.containsKey("code") ? edit.code() : schedules.get(schedule).code();
    return ScheduleJson.Schedule.of(schedules.edit(schedule, code, edit.start(), edit.revert()));
  }

  /** Cancels a schedule that has not started; again is fine. */
  @POST
  @Path("{id}/cancel")
  public ScheduleJson.Schedule cancel(@PathParam("id") String id) {
    return ScheduleJson.Schedule.of(schedules.cancel(ApiParams.id(id)));
  }
}
