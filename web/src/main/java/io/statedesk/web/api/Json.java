package io.statedesk.web.api;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;

/**
 * Reads request bodies with JSON-P so that every malformed body gets a 400 naming the problem,
 * rather than whatever the server's JSON-B provider would say; {@link JsonBodies} then binds the
 * object to its record.
 */
final class Json {

  /**
   * Looked up once: the static {@code jakarta.json.Json} methods look the provider up again at
   * every call through the class loader's service files (seen costing the simulator, which reads
   * and writes JSON the same way, over a third of its CPU).
   */
  private static final JsonProvider PROVIDER = JsonProvider.provider();

  private Json() {}

  static JsonObject object(String body) {
    if (body == null || body.isBlank()) {
      throw bad("A JSON object body is required", null);
    }
    try (var reader = PROVIDER.createReader(new StringReader(body))) {
      JsonValue value = reader.readValue();
      if (value.getValueType() != JsonValue.ValueType.OBJECT) {
        throw bad("The body must be a JSON object", null);
      }
      return value.asJsonObject();
    } catch (JsonException e) {
      throw bad("The body is not valid JSON", null);
    }
  }

  /** A builder holding {@code o}'s members, to leave some out. */
  static JsonObjectBuilder builder(JsonObject o) {
    return PROVIDER.createObjectBuilder(o);
  }

  /** A 400 the API says itself (English), about {@code field} or null. */
  static InvalidRequestException bad(String message, String field) {
    return new InvalidRequestException(message, field);
  }
}
