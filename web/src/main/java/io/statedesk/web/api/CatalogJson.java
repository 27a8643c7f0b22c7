package io.statedesk.web.api;

import io.statedesk.core.catalog.CatalogImport;
import io.statedesk.core.catalog.FieldError;
import io.statedesk.core.catalog.ReservedRange;
import io.statedesk.core.catalog.StateCode;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The answers of the catalog endpoints, as records JSON-B writes, in a fixed order and with their
 * nulls ({@link ChangeJson} says why). Warnings are only given by the calls that make them ({@code
 * PUT} of a code, a reservation); they are left out elsewhere.
 */
public final class CatalogJson {

  private CatalogJson() {}

  /** A warning or an error about one field, in the request's language. */
  @JsonbPropertyOrder({"field", "message"})
  public record Problem(String field, String message) {

    static List<Problem> of(List<FieldError> problems, Locale locale) {
      return problems.stream().map(e -> new Problem(e.field(), e.text().in(locale))).toList();
    }
  }

  /**
   * A state code; {@code teams} empty: offered to every team.
   *
   * @param warnings after an edit: the reserved ranges the code is inside (else left out)
   */
  @JsonbNillable
  @JsonbPropertyOrder({
    "code",
    "label",
    "labels",
    "description",
    "colour",
    "category",
    "sortOrder",
    "active",
    "teams",
    "used",
    "version",
    "updatedAt",
    "updatedBy",
    "warnings"
  })
  public record Code(
      int code,
      String label,
      Map<String, String> labels,
      String description,
      String colour,
      String category,
      int sortOrder,
      boolean active,
      List<String> teams,
      boolean used,
      long version,
      Instant updatedAt,
      String updatedBy,
      @JsonbNillable(false) List<Problem> warnings) {

    static Code of(StateCode c) {
      return of(c, null);
    }

    static Code of(StateCode c, List<Problem> warnings) {
      return new Code(
          c.getCode(),
          c.getLabel(),
          c.getLabels(),
          c.getDescription(),
          c.getColour(),
          c.getCategory(),
          c.getSortOrder(),
          c.isActive(),
          c.isAllTeams() ? List.of() : List.copyOf(c.getTeams()),
          c.isUsed(),
          c.getVersion(),
          c.getUpdatedAt(),
          c.getUpdatedBy(),
          warnings);
    }
  }

  /**
   * A reserved range of codes.
   *
   * @param warnings after a reservation: the ranges it overlaps and the codes already inside (else
   *     left out)
   */
  @JsonbNillable
  @JsonbPropertyOrder({"id", "first", "last", "reason", "createdBy", "createdAt", "warnings"})
  public record Range(
      Long id,
      int first,
      int last,
      String reason,
      String createdBy,
      Instant createdAt,
      @JsonbNillable(false) List<Problem> warnings) {

    static Range of(ReservedRange r, List<Problem> warnings) {
      return new Range(
          r.getId(),
          r.getFirstCode(),
          r.getLastCode(),
          r.getReason(),
          r.getCreatedBy(),
          r.getCreatedAt(),
          warnings);
    }
  }

  /**
   * An import's preview, or its result ({@code applied}); a refused import adds {@code status}
   * (400) and {@code error}, as an error body does.
   *
   * @param counts the rows by action ({@code create}, {@code update}, {@code unchanged}, {@code
   *     error})
   */
  @JsonbNillable
  @JsonbPropertyOrder({"applied", "fileError", "counts", "rows", "status", "error"})
  public record Import(
      boolean applied,
      String fileError,
      Map<String, Integer> counts,
      List<ImportRow> rows,
      @JsonbNillable(false) Integer status,
      @JsonbNillable(false) String error) {

    static Import of(CatalogImport.Preview preview, boolean applied, Locale locale) {
      return of(preview, applied, locale, null, null);
    }

    /** A refused import: its preview, nothing applied, and why ({@code error}). */
    static Import refused(CatalogImport.Preview preview, Locale locale, String error) {
      return of(preview, false, locale, 400, error);
    }

    private static Import of(
        CatalogImport.Preview preview,
        boolean applied,
        Locale locale,
        Integer status,
        String error) {
      Map<String, Integer> counts = new LinkedHashMap<>();
      preview.counts().forEach((k, v) -> counts.put(k.name().toLowerCase(Locale.ROOT), v));
      return new Import(
          applied,
          preview.fileError() == null ? null : preview.fileError().in(locale),
          counts,
          preview.rows().stream().map(r -> ImportRow.of(r, locale)).toList(),
          status,
          error);
    }
  }

  /** One row of an import: what applying does to it ({@code action}) and why not. */
  @JsonbNillable
  @JsonbPropertyOrder({"line", "code", "label", "action", "errors", "warnings"})
  public record ImportRow(
      int line,
      Integer code,
      String label,
      String action,
      List<Problem> errors,
      List<Problem> warnings) {

    static ImportRow of(CatalogImport.PreviewRow r, Locale locale) {
      return new ImportRow(
          r.line(),
          r.code(),
          r.label(),
          r.action().name().toLowerCase(Locale.ROOT),
          Problem.of(r.errors(), locale),
          Problem.of(r.warnings(), locale));
    }
  }
}
