package io.statedesk.core.catalog;

import static io.statedesk.core.catalog.CatalogTransfer.COLUMNS;
import static io.statedesk.core.catalog.CatalogTransfer.MAX_ROWS;
import static io.statedesk.core.catalog.CatalogTransfer.abbreviate;
import static io.statedesk.core.catalog.CatalogTransfer.oneLine;
import static io.statedesk.core.csv.CsvInput.get;

import io.statedesk.core.catalog.CatalogTransfer.Parsed;
import io.statedesk.core.catalog.CatalogTransfer.Row;
import io.statedesk.core.csv.CsvInput;
import io.statedesk.core.problem.Text;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

/**
 * The catalog as CSV ({@link CatalogTransfer#COLUMNS}), read and written with Apache Commons CSV
 * rather than a hand-written parser, so that quotes, commas and line breaks inside a label survive
 * a round trip. {@link CatalogTransfer} decodes the file and picks this format.
 */
final class CatalogCsv {

  private CatalogCsv() {}

  static String write(List<StateCodeData> codes) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv =
        new CSVPrinter(
            out, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).build())) {
      for (StateCodeData d : codes) {
        csv.printRecord(
            d.code(),
            d.label(),
            nz(d.labels().get("en")),
            nz(d.labels().get("zh-CN")),
            nz(d.description()),
            d.colour(),
            nz(d.category()),
            d.sortOrder(),
            d.active(),
            String.join("|", d.teams()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  /** The rows of decoded, non-blank CSV text; never throws on bad content. */
  static Parsed read(String text) {
    List<Row> rows = new ArrayList<>();
    try (CSVParser parser = CsvInput.parse(text)) {
      List<String> header = parser.getHeaderNames();
      List<String> missing = COLUMNS.stream().filter(c -> !header.contains(c)).toList();
      if (missing.contains("code") || missing.contains("label") || missing.contains("colour")) {
        return Parsed.failed(
            Text.of("catalog.file.header", String.join(",", COLUMNS), String.join(", ", missing)));
      }
      for (CSVRecord record : parser) {
        if (rows.size() >= MAX_ROWS) {
          return Parsed.failed(Text.of("catalog.file.tooManyRows", MAX_ROWS));
        }
        int line = (int) parser.getCurrentLineNumber();
        if (!record.isConsistent()) {
          rows.add(
              new Row(
                  line,
                  null,
                  List.of(
                      new FieldError(
                          "line", Text.of("catalog.file.fields", record.size(), header.size())))));
          continue;
        }
        rows.add(csvRow(line, record));
      }
    } catch (IOException | IllegalStateException | IllegalArgumentException e) {
      return Parsed.failed(Text.of("catalog.file.invalidCsv", oneLine(e.getMessage())));
    }
    if (rows.isEmpty()) {
      return Parsed.failed(Text.of("catalog.file.noRows"));
    }
    return new Parsed(rows, null);
  }

  private static Row csvRow(int line, CSVRecord r) {
    List<FieldError> errors = new ArrayList<>();
    Integer code = integer("code", get(r, "code"), errors);
    Integer sort =
        get(r, "sort_order").isEmpty()
            ? Integer.valueOf(0)
            : integer("sort_order", get(r, "sort_order"), errors);
    Boolean active =
        get(r, "active").isEmpty() ? Boolean.TRUE : bool("active", get(r, "active"), errors);
    // A value that does not parse is stood in for, so that the rest of the row is still checked
    // and the preview lists every problem of the line at once (the import classifies the row).
    if (code == null) {
      code = -1;
    }
    if (sort == null) {
      sort = 0;
    }
    if (active == null) {
      active = Boolean.TRUE;
    }
    Map<String, String> labels = new LinkedHashMap<>();
    putIfPresent(labels, "en", get(r, "label_en"));
    putIfPresent(labels, "zh-CN", get(r, "label_zh_CN"));
    Set<String> teams = new LinkedHashSet<>();
    for (String t : get(r, "teams").split("\\|")) {
      if (!t.isBlank()) {
        teams.add(t.trim());
      }
    }
    return new Row(
        line,
        new StateCodeData(
            code,
            get(r, "label"),
            blankToNull(get(r, "description")),
            get(r, "colour"),
            blankToNull(get(r, "category")),
            sort,
            active,
            labels,
            teams),
        List.copyOf(errors));
  }

  private static Integer integer(String field, String raw, List<FieldError> errors) {
    try {
      return Integer.valueOf(raw.trim());
    } catch (NumberFormatException e) {
      errors.add(new FieldError(field, Text.of("catalog.csv.integer", abbreviate(raw))));
      return null;
    }
  }

  private static Boolean bool(String field, String raw, List<FieldError> errors) {
    String v = raw.trim().toLowerCase(Locale.ROOT);
    if (Arrays.asList("true", "yes", "1").contains(v)) {
      return true;
    }
    if (Arrays.asList("false", "no", "0").contains(v)) {
      return false;
    }
    errors.add(new FieldError(field, Text.of("catalog.csv.boolean", abbreviate(raw))));
    return null;
  }

  private static void putIfPresent(Map<String, String> labels, String locale, String value) {
    if (value != null && !value.isBlank()) {
      labels.put(locale, value);
    }
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s;
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }
}
