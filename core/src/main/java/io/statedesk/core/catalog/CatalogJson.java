package io.statedesk.core.catalog;

import static io.statedesk.core.catalog.CatalogTransfer.MAX_ROWS;
import static io.statedesk.core.catalog.CatalogTransfer.oneLine;

import io.statedesk.core.catalog.CatalogTransfer.Parsed;
import io.statedesk.core.catalog.CatalogTransfer.Row;
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
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The catalog as JSON ({@code {"stateCodes": [...]}}, or a bare array on import), read and written
 * with Jakarta JSON Processing. {@link CatalogTransfer} decodes the file and picks this format.
 */
final class CatalogJson {

  private CatalogJson() {}

  static String write(List<StateCodeData> codes) {
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

  /** The rows of decoded, non-blank JSON text; never throws on bad content. */
  static Parsed read(String text) {
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
}
