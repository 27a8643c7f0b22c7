package io.statedesk.core.catalog;

import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.catalog.CatalogTransfer.Format;
import io.statedesk.core.catalog.CatalogTransfer.Parsed;
import io.statedesk.core.catalog.CatalogTransfer.Row;
import io.statedesk.core.problem.ProblemException;
import io.statedesk.core.problem.ProblemKind;
import io.statedesk.core.problem.Text;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Imports with a preview: every row is classified (create, update, unchanged, error with line and
 * reason) before anything changes; applying re-checks the same file inside one transaction and
 * changes everything or nothing.
 */
@ApplicationScoped
public class CatalogImport {

  @Inject StateCatalog catalog;
  @Inject Caller caller;
  @Inject AuditLog audit;

  /** What a row would do. */
  public enum Action {
    CREATE,
    UPDATE,
    UNCHANGED,
    ERROR
  }

  /**
   * One row of the preview.
   *
   * @param line the CSV line or JSON position
   * @param code the code, if it could be read
   * @param label the label, if it could be read
   * @param action what applying would do
   * @param errors why it cannot be applied
   * @param warnings what applying would do that an admin may not mean (an existing code updated or
   *     kept inside a reserved range); the row is applied all the same
   */
  public record PreviewRow(
      int line,
      Integer code,
      String label,
      Action action,
      List<FieldError> errors,
      List<FieldError> warnings) {}

  /**
   * The whole preview.
   *
   * @param rows every row, in file order
   * @param fileError why the file as a whole cannot be read, or {@code null}
   */
  public record Preview(List<PreviewRow> rows, Text fileError) {
    public Map<Action, Integer> counts() {
      Map<Action, Integer> counts = new EnumMap<>(Action.class);
      for (Action a : Action.values()) {
        counts.put(a, 0);
      }
      rows.forEach(r -> counts.merge(r.action(), 1, Integer::sum));
      return counts;
    }

    /** Whether applying would change everything it lists (no file error, no row error). */
    public boolean isApplicable() {
      return fileError == null && rows.stream().noneMatch(r -> r.action() == Action.ERROR);
    }
  }

  /** The import was refused as a whole; nothing changed. */
  public static class ImportRefusedException extends ProblemException {
    private static final long serialVersionUID = 1L;
    private final transient Preview preview;

    public ImportRefusedException(Preview preview) {
      super(
          ProblemKind.INVALID,
          null,
          preview.fileError() != null
              ? preview.fileError()
              : Text.of("catalog.import.refused", preview.counts().get(Action.ERROR)));
      this.preview = preview;
    }

    public Preview preview() {
      return preview;
    }
  }

  /** Classifies every row without changing anything (admins). */
  @Transactional
  public Preview preview(byte[] content, Format format) {
    caller.require(Role.ADMIN);
    return classify(CatalogTransfer.parse(content, format));
  }

  /**
   * Applies the file in one transaction (admins).
   *
   * @throws ImportRefusedException if the file or any row is wrong; nothing is changed then
   */
  @Transactional
  public Preview apply(byte[] content, Format format) {
    caller.require(Role.ADMIN);
    Parsed parsed = CatalogTransfer.parse(content, format);
    Preview preview = classify(parsed);
    if (!preview.isApplicable()) {
      throw new ImportRefusedException(preview);
    }
    for (int i = 0; i < parsed.rows().size(); i++) {
      Row row = parsed.rows().get(i);
      PreviewRow result = preview.rows().get(i);
      if (result.action() == Action.CREATE) {
        catalog.create(row.data());
      } else if (result.action() == Action.UPDATE) {
        StateCode existing = catalog.find(row.data().code()).orElseThrow();
        catalog.update(row.data().code(), row.data(), existing.getVersion());
      }
    }
    Map<Action, Integer> counts = preview.counts();
    audit.record(
        caller.name(),
        AuditAction.CATALOG_IMPORTED,
        "state code catalog",
        format
            + " file: "
            + counts.get(Action.CREATE)
            + " created, "
            + counts.get(Action.UPDATE)
            + " updated, "
            + counts.get(Action.UNCHANGED)
            + " unchanged",
        null);
    return preview;
  }

  /** Each row of the file against the catalog as it is: created, updated, unchanged or refused. */
  private Preview classify(Parsed parsed) {
    if (parsed.fileError() != null) {
      return new Preview(List.of(), parsed.fileError());
    }
    List<ReservedRange> ranges = catalog.reservedRanges();
    Map<Integer, Integer> codeLines = new HashMap<>();
    Map<String, Integer> labelLines = new HashMap<>();
    List<PreviewRow> rows = new ArrayList<>();
    for (Row row : parsed.rows()) {
      if (row.data() == null) {
        rows.add(new PreviewRow(row.line(), null, null, Action.ERROR, row.errors(), List.of()));
        continue;
      }
      if (!row.errors().isEmpty()) {
        rows.add(unparsable(row));
        continue;
      }
      List<FieldError> errors = repeats(row, codeLines, labelLines);
      Optional<StateCode> existing = catalog.find(row.data().code());
      Action action = Action.CREATE;
      List<FieldError> warnings =
          existing.isEmpty()
              ? List.of()
              : ReservedRanges.holding(ranges, row.data().code()).stream()
                  .map(r -> ReservedRanges.inside(row.data().code(), r))
                  .toList();
      try {
        StateCodeData valid = catalog.validate(row.data(), existing.orElse(null));
        if (existing.isPresent()) {
          action = existing.get().data().equals(valid) ? Action.UNCHANGED : Action.UPDATE;
        }
      } catch (InvalidStateCodeException e) {
        errors.addAll(e.errors());
      }
      rows.add(
          new PreviewRow(
              row.line(),
              row.data().code(),
              row.data().label(),
              errors.isEmpty() ? action : Action.ERROR,
              List.copyOf(errors),
              warnings));
    }
    return new Preview(List.copyOf(rows), null);
  }

  /**
   * A row's code or active label that an earlier row of the file has already.
   *
   * @param codeLines the line of each code read so far
   * @param labelLines the line of each active label read so far (compared without case)
   */
  private static List<FieldError> repeats(
      Row row, Map<Integer, Integer> codeLines, Map<String, Integer> labelLines) {
    List<FieldError> errors = new ArrayList<>();
    Integer earlier = codeLines.putIfAbsent(row.data().code(), row.line());
    if (earlier != null) {
      errors.add(
          new FieldError("code", Text.of("catalog.import.duplicate", row.data().code(), earlier)));
    }
    if (row.data().label() != null && row.data().active()) {
      Integer sameLabel =
          labelLines.putIfAbsent(row.data().label().strip().toLowerCase(Locale.ROOT), row.line());
      if (sameLabel != null) {
        errors.add(
            new FieldError(
                "label",
                Text.of("catalog.import.sameLabel", row.data().label().strip(), sameLabel)));
      }
    }
    return errors;
  }

  /**
   * A row with values that did not parse: those errors, and every rule the rest of the row breaks
   * (a field that did not parse is not judged again on the value stood in for it).
   */
  static PreviewRow unparsable(Row row) {
    Set<String> unparsed = new HashSet<>();
    for (FieldError e : row.errors()) {
      unparsed.add(e.field().replace("_", "").toLowerCase(Locale.ROOT));
    }
    List<FieldError> errors = new ArrayList<>(row.errors());
    for (FieldError e : StateCodeRules.check(row.data()).errors()) {
      if (!unparsed.contains(e.field().toLowerCase(Locale.ROOT))) {
        errors.add(e);
      }
    }
    boolean codeParsed = !unparsed.contains("code");
    return new PreviewRow(
        row.line(),
        codeParsed ? row.data().code() : null,
        row.data().label(),
        Action.ERROR,
        List.copyOf(errors),
        List.of());
  }

  /** The catalog as a file (admins; supervisors get the active codes only). */
  public String export(Format format) {
    caller.require(Role.ADMIN, Role.SUPERVISOR);
    List<StateCodeData> codes =
        (caller.has(Role.ADMIN) ? catalog.all() : catalog.active())
            .stream().map(StateCode::data).toList();
    return format == Format.CSV ? CatalogTransfer.toCsv(codes) : CatalogTransfer.toJson(codes);
  }
}
