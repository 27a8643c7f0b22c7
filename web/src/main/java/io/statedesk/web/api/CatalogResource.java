package io.statedesk.web.api;

import io.statedesk.core.catalog.CatalogImport;
import io.statedesk.core.catalog.CatalogTransfer.Format;
import io.statedesk.core.catalog.FieldError;
import io.statedesk.core.catalog.ReservedRange;
import io.statedesk.core.catalog.StateCatalog;
import io.statedesk.core.catalog.StateCode;
import io.statedesk.core.catalog.StateCodeData;
import io.statedesk.core.gateway.CustomState;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The catalog API: reads for supervisors and admins, changes for admins, with the same rules as the
 * admin page (core's {@link StateCatalog} checks roles and validates). {@code PUT} needs the
 * version the caller read; a stale one answers 409.
 */
@Path("catalog")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class CatalogResource {

  @Inject StateCatalog catalog;
  @Inject CatalogImport imports;
  @Context HttpHeaders headers;

  /** Active codes; {@code ?all=true} (admins) includes inactive ones. */
  @GET
  public List<Map<String, Object>> list(@QueryParam("all") @DefaultValue("false") boolean all) {
    return (all ? catalog.all() : catalog.active())
        .stream().map(CatalogResource::describe).toList();
  }

  @GET
  @Path("{code}")
  public Map<String, Object> get(@PathParam("code") String code) {
    return describe(catalog.get(code(code)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body) {
    StateCode created = catalog.create(data(Json.object(body), null));
    return Response.status(Response.Status.CREATED).entity(describe(created)).build();
  }

  @PUT
  @Path("{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> update(@PathParam("code") String code, String body) {
    int number = code(code);
    JsonObject json = Json.object(body);
    Integer version = Json.integer(json, "version");
    if (version == null) {
      throw Json.bad(
          "version is required: send the version you read, so that concurrent edits are detected",
          "version");
    }
    Map<String, Object> answer = describe(catalog.update(number, data(json, number), version));
    answer.put("warnings", describe(catalog.insideWarnings(number), ApiLanguage.of(headers)));
    return answer;
  }

  @DELETE
  @Path("{code}")
  public Response delete(@PathParam("code") String code) {
    catalog.delete(code(code));
    return Response.noContent().build();
  }

  /** Reserved ranges, lowest first. */
  @GET
  @Path("reserved-ranges")
  public List<Map<String, Object>> reservedRanges() {
    return catalog.reservedRanges().stream().map(CatalogResource::describe).toList();
  }

  /**
   * Reserves {@code {"first", "last", "reason"}} (admins): codes inside can no longer be created.
   * Answers the range with {@code warnings}: the ranges it overlaps and the codes already inside.
   */
  @POST
  @Path("reserved-ranges")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response reserve(String body) {
    JsonObject json = Json.object(body);
    Integer first = Json.integer(json, "first");
    Integer last = Json.integer(json, "last");
    if (first == null || last == null) {
      throw Json.bad("first and last are required", first == null ? "first" : "last");
    }
    StateCatalog.Reservation reservation =
        catalog.reserve(first, last, Json.string(json, "reason", true));
    Map<String, Object> answer = describe(reservation.range());
    answer.put("warnings", describe(reservation.warnings(), ApiLanguage.of(headers)));
    return Response.status(Response.Status.CREATED).entity(answer).build();
  }

  @DELETE
  @Path("reserved-ranges/{id}")
  public Response release(@PathParam("id") long id) {
    catalog.unreserve(id);
    return Response.noContent().build();
  }

  private static Map<String, Object> describe(ReservedRange r) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", r.getId());
    m.put("first", r.getFirstCode());
    m.put("last", r.getLastCode());
    m.put("reason", r.getReason());
    m.put("createdBy", r.getCreatedBy());
    m.put("createdAt", r.getCreatedAt().toString());
    return m;
  }

  /** The catalog as {@code csv} or {@code json}, UTF-8, as a download. */
  @GET
  @Path("export")
  @Produces({"text/csv", MediaType.APPLICATION_JSON})
  public Response export(@QueryParam("format") @DefaultValue("csv") String format) {
    Format f = Format.of(format);
    return Response.ok(
            imports.export(f),
            f == Format.CSV ? "text/csv; charset=UTF-8" : "application/json; charset=UTF-8")
        .header(
            "Content-Disposition",
            "attachment; filename=\"statedesk-catalog." + f.name().toLowerCase() + "\"")
        .build();
  }

  /**
   * Imports a CSV or JSON file sent as the request body: {@code ?dryRun=true} (the default) answers
   * the preview; {@code dryRun=false} applies it all or answers 400 with the same preview.
   */
  @POST
  @Path("import")
  @Consumes({"text/csv", MediaType.APPLICATION_JSON})
  public Response importFile(
      @QueryParam("format") @DefaultValue("csv") String format,
      @QueryParam("dryRun") @DefaultValue("true") boolean dryRun,
      byte[] body) {
    Format f = Format.of(format);
    try {
      CatalogImport.Preview preview = dryRun ? imports.preview(body, f) : imports.apply(body, f);
      return Response.ok(describe(preview, !dryRun, ApiLanguage.of(headers))).build();
    } catch (CatalogImport.ImportRefusedException e) {
      Map<String, Object> answer = describe(e.preview(), false, ApiLanguage.of(headers));
      answer.put("status", 400);
      answer.put("error", e.text().in(ApiLanguage.of(headers)));
      return Response.status(Response.Status.BAD_REQUEST).entity(answer).build();
    }
  }

  private static Map<String, Object> describe(
      CatalogImport.Preview preview, boolean applied, Locale locale) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("applied", applied);
    m.put("fileError", preview.fileError() == null ? null : preview.fileError().in(locale));
    Map<String, Integer> counts = new LinkedHashMap<>();
    preview.counts().forEach((k, v) -> counts.put(k.name().toLowerCase(), v));
    m.put("counts", counts);
    m.put(
        "rows",
        preview.rows().stream()
            .map(
                r -> {
                  Map<String, Object> row = new LinkedHashMap<>();
                  row.put("line", r.line());
                  row.put("code", r.code());
                  row.put("label", r.label());
                  row.put("action", r.action().name().toLowerCase());
                  row.put("errors", describe(r.errors(), locale));
                  row.put("warnings", describe(r.warnings(), locale));
                  return row;
                })
            .toList());
    return m;
  }

  private static List<Map<String, String>> describe(List<FieldError> problems, Locale locale) {
    return problems.stream()
        .map(e -> Map.of("field", e.field(), "message", e.text().in(locale)))
        .toList();
  }

  static Map<String, Object> describe(StateCode c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("code", c.getCode());
    m.put("label", c.getLabel());
    m.put("labels", c.getLabels());
    m.put("description", c.getDescription());
    m.put("colour", c.getColour());
    m.put("category", c.getCategory());
    m.put("sortOrder", c.getSortOrder());
    m.put("active", c.isActive());
    m.put("teams", c.isAllTeams() ? List.of() : List.copyOf(c.getTeams()));
    m.put("used", c.isUsed());
    m.put("version", c.getVersion());
    m.put("updatedAt", c.getUpdatedAt().toString());
    m.put("updatedBy", c.getUpdatedBy());
    return m;
  }

  private static StateCodeData data(JsonObject json, Integer pathCode) {
    Integer code = Json.integer(json, "code");
    if (code == null) {
      if (pathCode == null) {
        throw Json.bad("code is required", "code");
      }
      code = pathCode;
    }
    Integer sort = Json.integer(json, "sortOrder");
    JsonValue active = json.get("active");
    if (active != null
        && active != JsonValue.TRUE
        && active != JsonValue.FALSE
        && active != JsonValue.NULL) {
      throw Json.bad("active must be true or false", "active");
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (json.get("labels") instanceof JsonObject l) {
      for (Map.Entry<String, JsonValue> e : l.entrySet()) {
        if (!(e.getValue() instanceof JsonString s)) {
          throw Json.bad("labels." + e.getKey() + " must be a string", "labels." + e.getKey());
        }
        labels.put(e.getKey(), s.getString());
      }
    }
    Set<String> teams = new LinkedHashSet<>();
    if (json.get("teams") instanceof JsonArray a) {
      for (JsonValue v : a) {
        if (!(v instanceof JsonString s)) {
          throw Json.bad("teams must be strings", "teams");
        }
        teams.add(s.getString());
      }
    }
    return new StateCodeData(
        code,
        Json.string(json, "label", false),
        Json.string(json, "description", false),
        Json.string(json, "colour", false),
        Json.string(json, "category", false),
        sort == null ? 0 : sort,
        active != JsonValue.FALSE,
        labels,
        teams);
  }

  private static int code(String raw) {
    if (raw == null || !raw.matches("\\d{1,6}")) {
      throw Json.bad("code must be a number " + CustomState.RANGE, "code");
    }
    return Integer.parseInt(raw);
  }

  static String utf8(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
