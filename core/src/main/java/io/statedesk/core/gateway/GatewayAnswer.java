package io.statedesk.core.gateway;

import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.spi.JsonProvider;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP 200 answer whose retcode was {@code "0"}, with the request it answers.
 *
 * <p>Why {@link #interpret} lives here and not in a transport: both transports (JAX-RS and the
 * JDK's client for polls) hand it status, body and headers, and it alone decides between an answer
 * and the typed failure, so the two cannot drift apart; it runs without a server in tests.
 *
 * @param request what was asked: names the operation and agent of any failure read from the answer
 * @param body the whole envelope ({@code message}, {@code retcode}, {@code result})
 * @param headers the first value of each header, names in lower case
 * @param setCookies every {@code Set-Cookie} value (a load balancer and the gateway may each set
 *     one)
 */
record GatewayAnswer(
    GatewayRequest request, JsonObject body, Map<String, String> headers, List<String> setCookies) {

  /**
   * Looked up once: the static {@code jakarta.json.Json} methods look the provider up again at
   * every call through the class loader's service files (over a third of the simulator's sampled
   * CPU when it parsed JSON that way), and every gateway call and event poll parses one answer.
   */
  static final JsonProvider JSON = JsonProvider.provider();

  /** The first value of header {@code name} (any case), or {@code null}. */
  String header(String name) {
    return headers.get(name.toLowerCase(Locale.ROOT));
  }

  /** The envelope's {@code result} when it is an object, else {@code null}. */
  JsonObject result() {
    JsonValue r = body.get("result");
    return r != null && r.getValueType() == JsonValue.ValueType.OBJECT ? r.asJsonObject() : null;
  }

  /** The failure for an answer that lacks what its operation promises. */
  GatewayUnavailableException badResponse(String detail) {
    return GatewayUnavailableException.badResponse(call(request), 200, detail);
  }

  /**
   * Turns one HTTP answer into a {@link GatewayAnswer} or the typed failure: any status but 200, a
   * body that is not the JSON envelope, or a retcode other than "0". Logs the call ({@link
   * GatewayCallLog}) with its outcome.
   *
   * @param allHeaders response headers, names in lower case, every value
   * @param start {@link System#nanoTime()} when the call was sent
   */
  static GatewayAnswer interpret(
      GatewayRequest request,
      int status,
      String text,
      Map<String, List<String>> allHeaders,
      long start) {
    Map<String, String> headers = new LinkedHashMap<>();
    allHeaders.forEach(
        (k, v) -> {
          if (!v.isEmpty()) {
            headers.put(k, v.get(0));
          }
        });
    if (status != 200) {
      GatewayCallLog.record(request, "HTTP " + status, start);
      throw GatewayUnavailableException.httpStatus(
          call(request), status, retryAfter(headers.get("retry-after")));
    }
    JsonObject body = envelope(request, text, start);
    JsonValue retcode = body.get("retcode");
    if (!(retcode instanceof JsonString code)) {
      GatewayCallLog.record(request, "no retcode", start);
      throw GatewayUnavailableException.badResponse(call(request), status, "no retcode field");
    }
    GatewayCallLog.record(request, code.getString(), start);
    if (!"0".equals(code.getString())) {
      throw new GatewayRejectedException(
          request.operation(), request.agentId(), Retcodes.of(code.getString()));
    }
    return new GatewayAnswer(
        request, body, headers, allHeaders.getOrDefault("set-cookie", List.of()));
  }

  /** The body as a JSON object, or the failure that says what it starts with instead. */
  private static JsonObject envelope(GatewayRequest request, String text, long start) {
    try (var reader = JSON.createReader(new StringReader(text))) {
      return reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      GatewayCallLog.record(request, "not JSON", start);
      throw GatewayUnavailableException.badResponse(
          call(request), 200, "body starts with '" + abbreviate(text) + "'");
    }
  }

  /**
   * A {@code Retry-After} header: seconds (at most an hour) or an HTTP date; {@code null} when
   * absent or unreadable.
   */
  static Duration retryAfter(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      long seconds = Long.parseLong(header.trim());
      return seconds < 0 ? null : Duration.ofSeconds(Math.min(seconds, 3600));
    } catch (NumberFormatException e) {
      try {
        Instant at =
            ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        Duration d = Duration.between(Instant.now(), at);
        return d.isNegative() ? Duration.ZERO : d;
      } catch (DateTimeParseException ignored) {
        return null;
      }
    }
  }

  private static String abbreviate(String text) {
    String t = text.replaceAll("[\\r\\n\\t]", " ");
    return t.length() > 40 ? t.substring(0, 40) + "…" : t;
  }

  private static GatewayUnavailableException.Call call(GatewayRequest request) {
    return new GatewayUnavailableException.Call(request.operation(), request.agentId());
  }
}
