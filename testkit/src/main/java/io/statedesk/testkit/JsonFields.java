package io.statedesk.testkit;

import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;
import java.io.StringReader;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Values read out of a JSON answer by field name, for tests: the first field of that name, in
 * document order at any depth, whose value has the wanted type ({@code "succeeded"} of a change is
 * inside its {@code "counts"}). Why one place: each API test class had its own regular expression
 * for it (six of them), and a regular expression also matches text inside a string value.
 */
public final class JsonFields {

  private JsonFields() {}

  /** The integer {@code field} holds; fails the test if there is none. */
  public static long number(String json, String field) {
    return numberOr(json, field)
        .orElseThrow(() -> new AssertionError("no number " + field + " in " + json));
  }

  /** The integer {@code field} holds, or {@code absent} where the answer leaves it out. */
  public static long number(String json, String field, long absent) {
    return numberOr(json, field).orElse(absent);
  }

  /** The text {@code field} holds; fails the test if there is none. */
  public static String text(String json, String field) {
    return first(parse(json), field, JsonValue.ValueType.STRING)
        .map(v -> ((JsonString) v).getString())
        .orElseThrow(() -> new AssertionError("no text " + field + " in " + json));
  }

  /** The instant {@code field} holds as ISO-8601 text; fails the test if there is none. */
  public static Instant instant(String json, String field) {
    return Instant.parse(text(json, field));
  }

  private static Optional<Long> numberOr(String json, String field) {
    return first(parse(json), field, JsonValue.ValueType.NUMBER)
        .map(v -> ((JsonNumber) v).longValueExact());
  }

  private static JsonStructure parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.read();
    } catch (JsonParsingException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  /** Depth first, in document order (Parsson keeps the order of an object's fields). */
  private static Optional<JsonValue> first(
      JsonValue value, String field, JsonValue.ValueType type) {
    if (value.getValueType() == JsonValue.ValueType.OBJECT) {
      for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
        if (e.getKey().equals(field) && e.getValue().getValueType() == type) {
          return Optional.of(e.getValue());
        }
        Optional<JsonValue> inside = first(e.getValue(), field, type);
        if (inside.isPresent()) {
          return inside;
        }
      }
    } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue item : value.asJsonArray()) {
        Optional<JsonValue> inside = first(item, field, type);
        if (inside.isPresent()) {
          return inside;
        }
      }
    }
    return Optional.empty();
  }
}
