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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

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

  /** Whether {@code field} holds {@code true}; fails the test if it holds no boolean. */
  public static boolean flag(String json, String field) {
    return first(
            parse(json),
            field,
            t -> t == JsonValue.ValueType.TRUE || t == JsonValue.ValueType.FALSE)
        .map(v -> v.getValueType() == JsonValue.ValueType.TRUE)
        .orElseThrow(() -> new AssertionError("no boolean " + field + " in " + json));
  }

  /** The instant {@code field} holds as ISO-8601 text; fails the test if there is none. */
  public static Instant instant(String json, String field) {
    return Instant.parse(text(json, field));
  }

  /**
   * The text {@code field} holds, or {@code absent} where the answer leaves it out (a page whose
   * last entry has no {@code "next"}, say).
   */
  public static String text(String json, String field, String absent) {
    return first(parse(json), field, JsonValue.ValueType.STRING)
        .map(v -> ((JsonString) v).getString())
        .orElse(absent);
  }

  /**
   * Every integer a field {@code field} holds, in document order at any depth: the {@code
   * "agentId"} of each row of a page, say. Empty when there is none.
   */
  public static List<Long> numbers(String json, String field) {
    List<Long> found = new ArrayList<>();
    for (JsonValue v : all(parse(json), field, JsonValue.ValueType.NUMBER, new ArrayList<>())) {
      found.add(((JsonNumber) v).longValueExact());
    }
    return found;
  }

  /**
   * The integers of the first array {@code field} holds ({@code "agents":[10001,10007]}); fails the
   * test if there is none.
   */
  public static List<Long> numberArray(String json, String field) {
    JsonValue array =
        first(parse(json), field, JsonValue.ValueType.ARRAY)
            .orElseThrow(() -> new AssertionError("no array " + field + " in " + json));
    return array.asJsonArray().getValuesAs(JsonNumber.class).stream()
        .map(JsonNumber::longValueExact)
        .toList();
  }

  /**
   * Every object that has a field {@code field}, in document order at any depth, each as JSON text
   * for the other methods here: one per recorded gateway call ({@code "seq"}), or per agent of a
   * page ({@code "agentId"}). Why: a test that reads several fields of one row must read them from
   * that row, not the first of each in the whole answer.
   */
  public static List<String> objects(String json, String field) {
    List<String> found = new ArrayList<>();
    collectObjects(parse(json), field, found);
    return found;
  }

  private static void collectObjects(JsonValue value, String field, List<String> found) {
    if (value.getValueType() == JsonValue.ValueType.OBJECT) {
      if (value.asJsonObject().containsKey(field)) {
        found.add(value.toString());
      }
      value.asJsonObject().values().forEach(v -> collectObjects(v, field, found));
    } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      value.asJsonArray().forEach(v -> collectObjects(v, field, found));
    }
  }

  /** Depth first, in document order, as {@link #first}, but all of them. */
  private static List<JsonValue> all(
      JsonValue value, String field, JsonValue.ValueType type, List<JsonValue> found) {
    if (value.getValueType() == JsonValue.ValueType.OBJECT) {
      for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
        if (e.getKey().equals(field) && e.getValue().getValueType() == type) {
          found.add(e.getValue());
        }
        all(e.getValue(), field, type, found);
      }
    } else if (value.getValueType() == JsonValue.ValueType.ARRAY) {
      value.asJsonArray().forEach(v -> all(v, field, type, found));
    }
    return found;
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
    return first(value, field, t -> t == type);
  }

  private static Optional<JsonValue> first(
      JsonValue value, String field, Predicate<JsonValue.ValueType> type) {
    if (value.getValueType() == JsonValue.ValueType.OBJECT) {
      for (Map.Entry<String, JsonValue> e : value.asJsonObject().entrySet()) {
        if (e.getKey().equals(field) && type.test(e.getValue().getValueType())) {
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
