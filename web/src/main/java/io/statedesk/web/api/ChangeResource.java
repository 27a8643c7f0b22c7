package io.statedesk.web.api;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.bulk.BulkChanges;
import io.statedesk.core.bulk.BulkOutcome;
import io.statedesk.core.bulk.ChangeRequest;
import io.statedesk.core.bulk.ChangeView;
import io.statedesk.core.bulk.Counts;
import io.statedesk.core.bulk.HistoryFilter;
import io.statedesk.core.bulk.OutcomeStatus;
import io.statedesk.core.bulk.Preview;
import io.statedesk.core.directory.AgentFilter;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.IdempotencyKeys;
import io.statedesk.core.session.Availability;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
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
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
      @HeaderParam("Idempotency-Key") String key,
      String body) {
    JsonObject json = Json.object(body);
    ChangeRequest request = bodies.read(json, key);
    if (dryRun) {
      return Response.ok(describe(changes.preview(request))).build();
    }
    // the key is bound to the body it was first used with: another body is a 409, not the
    // first change returned as if it were this one
    keys.check(caller.name(), key, json.toString());
    BulkChanges.Submitted made = changes.submit(request);
    if (made.created()) {
      keys.bind(caller.name(), key, json.toString());
    }
    return Response.status(made.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(scoped(made.change()))
        .build();
  }

  @GET
  public Map<String, Object> history(
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("createdBy") String createdBy,
      @QueryParam("code") Integer code,
      @QueryParam("team") String team,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("50") int max) {
    paging(first, max, 500);
    HistoryFilter filter =
        new HistoryFilter(instant(from, "from"), instant(to, "to"), createdBy, code, team);
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("total", changes.countHistory(filter));
    answer.put("first", first);
    answer.put("changes", changes.history(filter, first, max).stream().map(this::scoped).toList());
    return answer;
  }

  @GET
  @Path("{id}")
  public Map<String, Object> get(@PathParam("id") String id) {
    return scoped(changes.get(id(id)));
  }

  @GET
  @Path("{id}/outcomes")
  public Map<String, Object> outcomes(
      @PathParam("id") String id,
      @QueryParam("status") List<String> statuses,
      @QueryParam("first") @DefaultValue("0") int first,
      @QueryParam("max") @DefaultValue("100") int max) {
    long change = id(id);
    paging(first, max, 1000);
    Set<OutcomeStatus> wanted = EnumSet.noneOf(OutcomeStatus.class);
    for (String s : statuses) {
      try {
        wanted.add(OutcomeStatus.valueOf(s.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw Json.bad(
            "status '" + s + "' must be one of " + Arrays.toString(OutcomeStatus.values()),
            "status");
      }
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("total", changes.countOutcomes(change, wanted));
    answer.put("first", first);
    answer.put(
        "outcomes",
        changes.outcomes(change, wanted, first, max).stream()
            .map(ChangeResource::describe)
            .toList());
    return answer;
  }

  @GET
  @Path("{id}/export")
  @Produces("text/csv")
  public Response export(@PathParam("id") String id) {
    long change = id(id);
    return Response.ok(changes.exportCsv(change), "text/csv; charset=UTF-8")
        .header("Content-Disposition", "attachment; filename=\"change-" + change + ".csv\"")
        .build();
  }

  @POST
  @Path("{id}/cancel")
  public Map<String, Object> cancel(@PathParam("id") String id) {
    return scoped(changes.cancel(id(id)));
  }

  @POST
  @Path("{id}/retry-failed")
  public Response retryFailed(
      @PathParam("id") String id, @HeaderParam("Idempotency-Key") String key) {
    return made(changes.retryFailed(id(id), key));
  }

  @POST
  @Path("{id}/undo")
  public Response undo(@PathParam("id") String id, @HeaderParam("Idempotency-Key") String key) {
    return made(changes.undo(id(id), key));
  }

  private Response made(BulkChanges.Submitted made) {
    return Response.status(made.created() ? Response.Status.CREATED : Response.Status.OK)
        .entity(scoped(made.change()))
        .build();
  }

  /**
   * A change as the caller may see it: a supervisor looking at another supervisor's change (one
   * that touched their teams) sees the totals of their teams' agents only, counted by core's
   * team-scoped {@link BulkChanges#countOutcomes}; "verified" is then not given ({@code null}).
   */
  Map<String, Object> scoped(ChangeView c) {
    Map<String, Object> m = describe(c);
    if (teams.callerSeesAll() || c.createdBy().equals(caller.name())) {
      return m;
    }
    Map<String, Object> counts = new LinkedHashMap<>();
    long total = 0;
    for (OutcomeStatus s : OutcomeStatus.values()) {
      long n = changes.countOutcomes(c.id(), EnumSet.of(s));
      total += n;
      String name =
          switch (s) {
            case PENDING, IN_FLIGHT -> "pending";
            case SUCCEEDED -> "succeeded";
            case FAILED -> "failed";
            case NO_SESSION -> "noSession";
            case SKIPPED -> "skipped";
            case CANCELLED -> "cancelled";
          };
      counts.merge(name, n, (a, b) -> (long) a + (long) b);
    }
    counts.put("verified", null);
    m.put("total", total);
    m.put("counts", counts);
    m.put("teamScoped", true);
    return m;
  }

  // ------------------------------------------------------------------------------- parsing

  static ChangeRequest request(JsonObject json, String key) {
    List<Integer> agents = agents(json);
    AgentFilter filter = filter(json);
    JsonValue clear = json.get("clear");
    boolean clearState = clear != null && clear.equals(JsonValue.TRUE);
    if (clear != null && !(clear.equals(JsonValue.TRUE) || clear.equals(JsonValue.FALSE))) {
      throw Json.bad("clear must be true or false", "clear");
    }
    JsonValue verify = json.get("verify");
    if (verify != null
        && !(verify.equals(JsonValue.TRUE)
            || verify.equals(JsonValue.FALSE)
            || verify.equals(JsonValue.NULL))) {
      throw Json.bad("verify must be true or false", "verify");
    }
    Integer code = Json.integer(json, "code");
    if (code != null && (code < 0 || code > 65534)) {
      throw Json.bad("code must be a state code 0..65534, was " + code, "code");
    }
    return new ChangeRequest(
        agents,
        filter,
        code,
        clearState,
        Json.string(json, "note", false),
        key,
        verify == null || verify.equals(JsonValue.NULL) ? null : verify.equals(JsonValue.TRUE),
        Json.integer(json, "confirmCount"));
  }

  /** The body's {@code agents} array, or {@code null} when it has none. */
  static List<Integer> agents(JsonObject json) {
    JsonValue a = json.get("agents");
    if (a == null || a.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(a instanceof JsonArray array)) {
      throw Json.bad("agents must be an array of agent ids", "agents");
    }
    List<Integer> agents = new ArrayList<>(array.size());
    for (JsonValue v : array) {
      if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
        throw Json.bad("agents must hold integer agent ids, found " + v, "agents");
      }
      long value = n.longValue();
      agents.add(value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? -1 : (int) value);
    }
    return agents;
  }

  /** The body's {@code filter} object, or {@code null} when it has none. */
  static AgentFilter filter(JsonObject json) {
    JsonValue f = json.get("filter");
    if (f == null || f.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(f instanceof JsonObject fo)) {
      throw Json.bad("filter must be an object", "filter");
    }
    return filterOf(fo);
  }

  private static AgentFilter filterOf(JsonObject f) {
    Set<GatewayState> states = EnumSet.noneOf(GatewayState.class);
    for (String s : strings(f, "states")) {
      try {
        states.add(GatewayState.valueOf(s.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw Json.bad("filter.states: '" + s + "' is not a gateway state", "filter.states");
      }
    }
    Set<String> sessions = new LinkedHashSet<>();
    for (String s : strings(f, "sessions")) {
      Availability v =
          Availability.named(s)
              .orElseThrow(
                  () ->
                      Json.bad(
                          "filter.sessions: '" + s + "' must be " + Availability.names(),
                          "filter.sessions"));
      sessions.add(v.name());
    }
    return new AgentFilter(
        new LinkedHashSet<>(strings(f, "teams")),
        Json.string(f, "skill", false),
        states,
        Json.integer(f, "customState"),
        Json.string(f, "text", false),
        sessions,
        new LinkedHashSet<>(strings(f, "skills")));
  }

  private static List<String> strings(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (!(v instanceof JsonArray array)) {
      throw Json.bad("filter." + field + " must be an array of strings", "filter." + field);
    }
    List<String> out = new ArrayList<>();
    for (JsonValue e : array) {
      if (!(e instanceof JsonString s)) {
        throw Json.bad("filter." + field + " must hold strings", "filter." + field);
      }
      out.add(s.getString());
    }
    return out;
  }

  static long id(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw Json.bad("change id must be a number, was '" + id + "'", "id");
    }
  }

  private static void paging(int first, int max, int limit) {
    if (first < 0 || max < 1 || max > limit) {
      throw Json.bad("first must be >= 0 and max 1.." + limit, "max");
    }
  }

  static Instant instant(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw Json.bad(
          field + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, was '" + text + "'",
          field);
    }
  }

  // ----------------------------------------------------------------------------- rendering

  static Map<String, Object> describe(ChangeView c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("createdAt", c.createdAt().toString());
    m.put("createdBy", c.createdBy());
    m.put("kind", c.kind().name());
    m.put("originId", c.originId());
    m.put("undoneBy", c.undoneBy());
    m.put("action", c.action().name());
    m.put("code", c.code());
    m.put("codeLabel", c.codeLabel());
    m.put("note", c.note());
    m.put("verify", c.verify());
    m.put("status", c.status().name());
    m.put("headline", c.headline().name());
    m.put("statusDetail", c.statusDetail());
    m.put("cancelRequested", c.cancelRequested());
    m.put("total", c.total());
    m.put("startedAt", c.startedAt() == null ? null : c.startedAt().toString());
    m.put("finishedAt", c.finishedAt() == null ? null : c.finishedAt().toString());
    Counts n = c.counts();
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("pending", n.pending() + n.inFlight());
    counts.put("succeeded", n.succeeded());
    counts.put("verified", n.verified());
    counts.put("failed", n.failed());
    counts.put("noSession", n.noSession());
    counts.put("skipped", n.skipped());
    counts.put("cancelled", n.cancelled());
    counts.put("held", n.held());
    counts.put("reapplied", n.reapplied());
    counts.put("drifted", n.drifted());
    m.put("counts", counts);
    return m;
  }

  static Map<String, Object> describe(BulkOutcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("agentId", o.getAgentId());
    m.put("name", o.getAgentName());
    m.put("team", o.getTeam());
    m.put("target", o.getTargetState());
    m.put("previous", o.isPreviousKnown() ? o.getPreviousState() : null);
    m.put("previousKnown", o.isPreviousKnown());
    m.put("status", o.getStatus().name());
    m.put("verified", o.isVerified());
    m.put("retcode", o.getRetcode());
    m.put("reason", o.getReason());
    m.put("attempts", o.getAttempts());
    m.put("durationMs", o.getDurationMs());
    m.put("finishedAt", o.getFinishedAt() == null ? null : o.getFinishedAt().toString());
    m.put("reapplied", o.getReapplied());
    m.put("drifted", o.isDrifted());
    return m;
  }

  static Map<String, Object> describe(Preview p) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("action", p.action().name());
    m.put("code", p.code());
    m.put("codeLabel", p.codeLabel());
    m.put("total", p.total());
    m.put("confirmationRequired", p.confirmationRequired());
    Map<String, Object> totals = new LinkedHashMap<>();
    p.totals().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> totals.put(e.getKey().name(), e.getValue()));
    m.put("totals", totals);
    m.put(
        "agents",
        p.rows().stream()
            .map(
                r -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("agentId", r.agentId());
                  row.put("name", r.name());
                  row.put("team", r.team());
                  row.put("customState", r.customState());
                  row.put("session", r.availability());
                  row.put("verdict", r.verdict().name());
                  row.put("note", r.note());
                  return row;
                })
            .toList());
    return m;
  }
}
