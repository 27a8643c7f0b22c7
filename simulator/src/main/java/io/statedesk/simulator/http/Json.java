package io.statedesk.simulator.http;

import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON in and out with Jakarta JSON Processing, so that {@code null} fields stay in the envelope
 * ({@code "result":null}, {@code "event":null}) exactly as the simulator means them, on any server.
 */
public final class Json {

  /**
   * Looked up once: every static {@code jakarta.json.Json.create...} call looks the provider up
   * again through the class loader's service files: over a third of the simulator's sampled CPU
   * (its JIT's aside) while it signed 10,000 agents in (sessions benchmark, JFR).
   */
  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Json() {}

  /** Writes maps, lists, strings, numbers, booleans and nulls. */
  public static String write(Object value) {
    return toJson(value).toString();
  }

  /**
   * Reads a JSON object into a map of strings, numbers, booleans, nulls, lists and maps.
   *
   * @return {@code null} if the text is not a JSON object
   */
  public static Map<String, Object> readObject(String text) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try (var reader = PROVIDER.createReader(new StringReader(text))) {
      JsonValue value = reader.readValue();
      if (!(value instanceof JsonObject object)) {
        return null;
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> map = (Map<String, Object>) fromJson(object);
      return map;
    } catch (JsonException e) {
      return null;
    }
  }

  private static JsonValue toJson(Object value) {
    if (value == null) {
      return JsonValue.NULL;
    }
    if (value instanceof String s) {
      return PROVIDER.createValue(s);
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return PROVIDER.createValue(((Number) value).longValue());
    }
    if (value instanceof Number n) {
      return PROVIDER.createValue(n.doubleValue());
    }
    if (value instanceof Boolean b) {
      return b ? JsonValue.TRUE : JsonValue.FALSE;
    }
    if (value instanceof Map<?, ?> map) {
      JsonObjectBuilder builder = PROVIDER.createObjectBuilder();
      map.forEach((k, v) -> builder.add(String.valueOf(k), toJson(v)));
      return builder.build();
    }
    if (value instanceof Iterable<?> items) {
      JsonArrayBuilder builder = PROVIDER.createArrayBuilder();
      items.forEach(item -> builder.add(toJson(item)));
      return builder.build();
    }
    if (value instanceof Record) {
      throw new IllegalArgumentException("convert records to maps first: " + value.getClass());
    }
    return PROVIDER.createValue(value.toString());
  }

  private static Object fromJson(JsonValue value) {
    return switch (value.getValueType()) {
      case NULL -> null;
      case TRUE -> Boolean.TRUE;
      case FALSE -> Boolean.FALSE;
      case STRING -> ((JsonString) value).getString();
      case NUMBER -> {
        JsonNumber n = (JsonNumber) value;
        yield n.isIntegral() ? (Object) n.longValue() : (Object) n.doubleValue();
      }
      case ARRAY -> value.asJsonArray().stream().map(Json::fromJson).toList();
      case OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        value.asJsonObject().forEach((k, v) -> map.put(k, fromJson(v)));
        yield map;
      }
    };
  }

  /** A list of values read from JSON, or an empty list. */
  public static List<?> list(Object value) {
    return value instanceof List<?> l ? l : List.of();
  }
}
