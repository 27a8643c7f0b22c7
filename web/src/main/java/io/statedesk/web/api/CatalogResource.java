package io.statedesk.web.api;

import io.statedesk.core.catalog.CatalogImport;
import io.statedesk.core.catalog.CatalogTransfer.Format;
import io.statedesk.core.catalog.StateCatalog;
import io.statedesk.core.catalog.StateCode;
import io.statedesk.core.gateway.CustomState;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.validation.groups.Default;
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
import java.util.List;
import java.util.Locale;

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
  @Inject JsonBodies bodies;
  @Context HttpHeaders headers;

  /** Active codes; {@code ?all=true} (admins) includes inactive ones. */
  @GET
  public List<CatalogJson.Code> list(@QueryParam("all") @DefaultValue("false") boolean all) {
    return (all ? catalog.all() : catalog.active()).stream().map(CatalogJson.Code::of).toList();
  }

  @GET
  @Path("{code}")
  public CatalogJson.Code get(@PathParam("code") String code) {
    return CatalogJson.Code.of(catalog.get(code(code)));
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  public Response create(String body) {
    StateCodeBody data = read(Json.object(body), StateCodeBody.New.class);
    StateCode created = catalog.create(data.toData(null));
    return Response.status(Response.Status.CREATED).entity(CatalogJson.Code.of(created)).build();
  }

  @PUT
  @Path("{code}")
  @Consumes(MediaType.APPLICATION_JSON)
  public CatalogJson.Code update(@PathParam("code") String code, String body) {
    int number = code(code);
    StateCodeBody data = read(Json.object(body), StateCodeBody.Edit.class);
    StateCode updated = catalog.update(number, data.toData(number), data.version());
    return CatalogJson.Code.of(
        updated, CatalogJson.Problem.of(catalog.insideWarnings(number), ApiLanguage.of(headers)));
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
  public List<CatalogJson.Range> reservedRanges() {
    return catalog.reservedRanges().stream().map(r -> CatalogJson.Range.of(r, null)).toList();
  }

  /**
   * Reserves {@code {"first", "last", "reason"}} (admins): codes inside can no longer be created.
   * Answers the range with {@code warnings}: the ranges it overlaps and the codes already inside.
   */
  @POST
  @Path("reserved-ranges")
  @Consumes(MediaType.APPLICATION_JSON)
  public Response reserve(String body) {
    ReservationBody range = bodies.read(Json.object(body), ReservationBody.class);
    if (range.first() == null || range.last() == null) {
      throw Json.bad("first and last are required", range.first() == null ? "first" : "last");
    }
    if (range.reason() == null) {
      throw Json.bad("reason is required", "reason");
    }
    StateCatalog.Reservation reservation =
        catalog.reserve(range.first(), range.last(), range.reason());
    return Response.status(Response.Status.CREATED)
        .entity(
            CatalogJson.Range.of(
                reservation.range(),
                CatalogJson.Problem.of(reservation.warnings(), ApiLanguage.of(headers))))
        .build();
  }

  @DELETE
  @Path("reserved-ranges/{id}")
  public Response release(@PathParam("id") long id) {
    catalog.unreserve(id);
    return Response.noContent().build();
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
      return Response.ok(CatalogJson.Import.of(preview, !dryRun, ApiLanguage.of(headers))).build();
    } catch (CatalogImport.ImportRefusedException e) {
      Locale locale = ApiLanguage.of(headers);
      return Response.status(Response.Status.BAD_REQUEST)
          .entity(CatalogJson.Import.refused(e.preview(), locale, e.text().in(locale)))
          .build();
    }
  }

  /**
   * A code's body. A {@code labels} that is not an object and a {@code teams} that is not an array
   * are refused by name: they were once ignored, and an ignored {@code teams} offered the code to
   * every team, which is not what the caller asked for.
   */
  private StateCodeBody read(JsonObject json, Class<?> rules) {
    return bodies.read(json, StateCodeBody.class, Default.class, rules);
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
