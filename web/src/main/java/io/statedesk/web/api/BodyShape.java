package io.statedesk.web.api;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * Checks that every member of a request body has the JSON type its record's component needs, before
 * JSON-B binds the body, and refuses the first that does not with a 400 naming it ({@code "code
 * must be an integer"}, field {@code code}).
 *
 * <p>Why not leave it to JSON-B: Yasson, the JSON-B of Payara and WildFly, converts where it can
 * rather than refuse: {@code "yes"} and {@code 1} become {@code false} for a {@code Boolean},
 * {@code "123"} becomes {@code 123} and {@code 1.5} becomes {@code 1} for an {@code Integer},
 * {@code 5} and {@code true} become strings. The API has always refused those, naming the field; a
 * body that passed this check binds without surprises.
 *
 * <p>The components may be {@code Integer}, {@code Long}, {@code Boolean}, {@code String}, a record
 * (a JSON object, checked the same way, its members named {@code outer.inner}), a {@code List} or
 * {@code Set} of the scalars (a JSON array) and a {@code Map} from {@code String} to one (a JSON
 * object, its members named {@code map.key}). JSON {@code null} stands for a member left out
 * (unless {@link WrongType#nullIsWrong}); whether a member is required is a Bean Validation rule of
 * the record. A sentence the API has always said otherwise is given by {@link WrongType}.
 */
final class BodyShape {

  private BodyShape() {}

  /**
   * Refuses the first member of {@code json} that {@code type}'s component of its name cannot hold.
   */
  static void check(JsonObject json, Class<?> type) {
    check(json, type, "");
  }

  private static void check(JsonObject json, Class<?> type, String prefix) {
    if (!type.isRecord()) {
      throw new IllegalArgumentException(type + " is not a record");
    }
    for (RecordComponent c : type.getRecordComponents()) {
      JsonValue value = json.get(c.getName());
      WrongType wrong = c.getAnnotation(WrongType.class);
      if (value == null
          || value.getValueType() == JsonValue.ValueType.NULL
              && (wrong == null || !wrong.nullIsWrong())) {
        continue;
      }
      String name =
          wrong != null && !wrong.field().isEmpty() ? wrong.field() : prefix + c.getName();
      member(value, c.getGenericType(), name, wrong);
    }
  }

  private static void member(JsonValue value, Type type, String name, WrongType wrong) {
    Class<?> raw = raw(type);
    if (raw.isRecord()) {
      if (!(value instanceof JsonObject object)) {
        throw refused(name, wrong, "must be an object");
      }
      check(object, raw, name + ".");
    } else if (Collection.class.isAssignableFrom(raw)) {
      Class<?> element = raw(argument(type, 0));
      if (!(value instanceof JsonArray array)) {
        throw refused(name, wrong, "must be an array of " + plural(element));
      }
      for (JsonValue e : array) {
        if (!fits(e, element)) {
          throw wrong != null && !wrong.element().isEmpty()
              ? Json.bad(name + " " + wrong.element().replace("%s", e.toString()), name)
              : Json.bad(name + " must hold " + plural(element), name);
        }
      }
    } else if (Map.class.isAssignableFrom(raw)) {
      Class<?> element = raw(argument(type, 1));
      if (!(value instanceof JsonObject object)) {
        throw refused(name, wrong, "must be an object");
      }
      for (Map.Entry<String, JsonValue> e : object.entrySet()) {
        if (!fits(e.getValue(), element)) {
          String key = name + "." + e.getKey();
          throw Json.bad(key + " " + sentence(element), key);
        }
      }
    } else if (!fits(value, raw)) {
      throw (raw == Integer.class || raw == Long.class)
              && value instanceof JsonNumber n
              && n.isIntegral()
          ? Json.bad(name + " is too large a number, was " + value, name)
          : refused(name, wrong, sentence(raw));
    }
  }

  private static InvalidRequestException refused(String name, WrongType wrong, String sentence) {
    return Json.bad(
        name + " " + (wrong != null && !wrong.value().isEmpty() ? wrong.value() : sentence), name);
  }

  /**
   * Whether a JSON value is one of the scalar {@code type}'s (JSON null is not). An integer must
   * also fit the member's Java type: bound as it is, a larger one wraps around (70000000000 read as
   * 1280523264, an agent id beyond 64 bits as some real agent's), so it is refused instead.
   */
  private static boolean fits(JsonValue value, Class<?> type) {
    if (type == Integer.class || type == Long.class) {
      if (!(value instanceof JsonNumber n) || !n.isIntegral()) {
        return false;
      }
      BigInteger v = n.bigIntegerValue();
      return type == Integer.class
          ? v.bitLength() < Integer.SIZE // -2^31..2^31-1
          : v.bitLength() < Long.SIZE;
    }
    if (type == Boolean.class) {
      return value.getValueType() == JsonValue.ValueType.TRUE
          || value.getValueType() == JsonValue.ValueType.FALSE;
    }
    if (type == String.class) {
      return value instanceof JsonString;
    }
    throw new IllegalArgumentException("A body member cannot be a " + type);
  }

  private static String sentence(Class<?> type) {
    if (type == Integer.class || type == Long.class) {
      return "must be an integer";
    }
    return type == Boolean.class ? "must be true or false" : "must be a string";
  }

  private static String plural(Class<?> type) {
    if (type == Integer.class || type == Long.class) {
      return "integers";
    }
    return type == Boolean.class ? "booleans" : "strings";
  }

  private static Class<?> raw(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
      return c;
    }
    throw new IllegalArgumentException("A body member cannot be a " + type);
  }

  private static Type argument(Type type, int index) {
    if (type instanceof ParameterizedType p) {
      return p.getActualTypeArguments()[index];
    }
    throw new IllegalArgumentException(
        "A body member's collection needs its element type: " + type);
  }
}
