package io.statedesk.core.catalog;

import io.statedesk.core.problem.Text;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
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
 * The catalog's file formats: CSV (Apache Commons CSV, not a hand-written parser) and JSON (Jakarta
 * JSON Processing), both UTF-8 with every field including the locale labels.
 *
 * <p>Parsing never throws on bad content: it returns rows, each with its line (CSV) or position
 * (JSON) and the reason it cannot be used, so the admin sees one report for the whole file.
 */
public final class CatalogTransfer {

  /** CSV columns, in order. {@code teams} are separated by {@code |}; empty means all teams. */
  public static final List<String> COLUMNS =
      List.of(
          "code",
          "label",
          "label_en",
          "label_zh_CN",
          "description",
          "colour",
          "category",
          "sort_order",
          "active",
          "teams");

  /** Files above this size are refused before parsing. */
  public static final int MAX_BYTES = 2 * 1024 * 1024;

  /** At most this many rows per file. */
  public static final int MAX_ROWS = 70_000;

  private CatalogTransfer() {}

  /** A file format. */
  public enum Format {
    CSV,
    JSON;

    /** {@code csv} or {@code json}, any case. */
    public static Format of(String name) {
      if (name != null) {
        for (Format f : values()) {
          if (f.name().equalsIgnoreCase(name.trim())) {
            return f;
          }
        }
      }
      throw new InvalidStateCodeException(
          List.of(new FieldError("format", Text.of("catalog.file.format", name))));
    }
  }

  /**
   * One row of an import file.
   *
   * @param line the CSV line, or the position in the JSON array (from 1)
   * @param data what the row asks for, or {@code null} when it could not be read
   * @param errors why the row cannot be used (empty when it can)
   */
  public record Row(int line, StateCodeData data, List<FieldError> errors) {}

  /** The rows of a file, or the reason the file as a whole cannot be read. */
  public record Parsed(List<Row> rows, Text fileError) {
    static Parsed failed(Text why) {
      return new Parsed(List.of(), why);
    }
  }

  // ----------------------------------------------------------------------------------- export

  public static String toCsv(List<StateCodeData> codes) {
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

  public static String toJson(List<StateCodeData> codes) {
    JsonArrayBuilder array = Json.createArrayBuilder();
    for (StateCodeData d : codes) {
      JsonObjectBuilder labels = Json.createObjectBuilder();
      d.labels().forEach(labels::add);
      JsonArrayBuilder teams = Json.createArrayBuilder();
      d.teams().forEach(teams::add);
      JsonObjectBuilder o =
          Json.createObjectBuilder()
              .add("code", d.code())
              .add("label", d.label())
              .add("labels", labels)
              .add("colour", d.colour())
              .add("sortOrder", d.sortOrder())
              .add("active", d.active())
              .add("teams", teams);
      o.add(
          "description",
          d.description() == null ? JsonValue.NULL : Json.createValue(d.description()));
      o.add("category", d.category() == null ? JsonValue.NULL : Json.createValue(d.category()));
      array.add(o);
    }
    return Json.createObjectBuilder().add("stateCodes", array).build().toString();
  }

  // ----------------------------------------------------------------------------------- import

  /** Reads a file; every problem ends up in the result, nothing is thrown for bad content. */
  public static Parsed parse(byte[] content, Format format) {
    if (content == null || content.length == 0) {
      return Parsed.failed(Text.of("catalog.file.empty"));
    }
    if (content.length > MAX_BYTES) {
      return Parsed.failed(
          Text.of("catalog.file.tooLarge", content.length / 1024, MAX_BYTES / 1024));
    }
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(content))
              .toString();
    } catch (CharacterCodingException e) {
      return Parsed.failed(Text.of("catalog.file.notUtf8"));
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    if (text.isBlank()) {
      return Parsed.failed(Text.of("catalog.file.empty"));
    }
    return format == Format.CSV ? parseCsv(text) : parseJson(text);
  }

  private static Parsed parseCsv(String text) {
    List<Row> rows = new ArrayList<>();
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .build();
    try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
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

  private static Parsed parseJson(String text) {
    JsonValue root;
    try (var reader = Json.createReader(new StringReader(text))) {
      root = reader.readValue();
    } catch (JsonException e) {
      return Parsed.failed(Text.of("catalog.file.invalidJson", oneLine(e.getMessage())));
    }
    JsonArray items;
    if (root.getValueType() == JsonValue.ValueType.ARRAY) {
      items = root.asJsonArray();
    } else if (root.getValueType() == JsonValue.ValueType.OBJECT
        && root.asJsonObject().get("stateCodes") instanceof JsonArray a) {
      items = a;
    } else {
      return Parsed.failed(Text.of("catalog.file.jsonShape"));
    }
    if (items.isEmpty()) {
      return Parsed.failed(Text.of("catalog.file.noCodes"));
    }
    if (items.size() > MAX_ROWS) {
      return Parsed.failed(Text.of("catalog.file.tooManyCodes", MAX_ROWS));
    }
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < items.size(); i++) {
      rows.add(jsonRow(i + 1, items.get(i)));
    }
    return new Parsed(rows, null);
  }

  private static Row jsonRow(int position, JsonValue value) {
    if (value.getValueType() != JsonValue.ValueType.OBJECT) {
      return new Row(
          position, null, List.of(new FieldError("entry", Text.of("catalog.json.object"))));
    }
    JsonObject o = value.asJsonObject();
    List<FieldError> errors = new ArrayList<>();
    Integer code = o.get("code") instanceof JsonNumber n && n.isIntegral() ? n.intValue() : null;
    if (code == null) {
      errors.add(new FieldError("code", Text.of("catalog.json.integer")));
    }
    int sort = o.get("sortOrder") instanceof JsonNumber n && n.isIntegral() ? n.intValue() : 0;
    if (o.containsKey("sortOrder") && !(o.get("sortOrder") instanceof JsonNumber)) {
      errors.add(new FieldError("sortOrder", Text.of("catalog.json.integer")));
    }
    boolean active = !o.containsKey("active") || o.get("active") == JsonValue.TRUE;
    if (o.containsKey("active")
        && o.get("active") != JsonValue.TRUE
        && o.get("active") != JsonValue.FALSE) {
      errors.add(new FieldError("active", Text.of("catalog.json.boolean")));
    }
    Map<String, String> labels = new LinkedHashMap<>();
    if (o.get("labels") instanceof JsonObject l) {
      l.forEach(
          (k, v) -> {
            if (v instanceof JsonString s) {
              labels.put(k, s.getString());
            } else {
              errors.add(new FieldError("labels." + k, Text.of("catalog.json.string")));
            }
          });
    }
    Set<String> teams = new LinkedHashSet<>();
    if (o.get("teams") instanceof JsonArray t) {
      t.forEach(
          v -> {
            if (v instanceof JsonString s) {
              teams.add(s.getString());
            } else {
              errors.add(new FieldError("teams", Text.of("catalog.json.strings")));
            }
          });
    }
    if (!errors.isEmpty()) {
      return new Row(position, null, errors);
    }
    return new Row(
        position,
        new StateCodeData(
            code,
            string(o, "label"),
            string(o, "description"),
            string(o, "colour"),
            string(o, "category"),
            sort,
            active,
            labels,
            teams),
        List.of());
  }

  private static String string(JsonObject o, String field) {
    return o.get(field) instanceof JsonString s ? s.getString() : null;
  }

  private static String get(CSVRecord r, String column) {
    return r.isMapped(column) && r.isSet(column) ? r.get(column) : "";
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

  private static String abbreviate(String s) {
    String t = s.replaceAll("\\p{Cntrl}", " ");
    return t.length() > 30 ? t.substring(0, 30) + "…" : t;
  }

  private static String oneLine(String s) {
    return s == null ? "" : abbreviate(s.replaceAll("\\s+", " "));
  }
}
