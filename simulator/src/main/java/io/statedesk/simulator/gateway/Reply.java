package io.statedesk.simulator.gateway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One gateway answer: the JSON envelope and the response headers ({@code Set-GUID}, {@code
 * Set-Cookie}).
 *
 * @param body the envelope, in field order: {@code message}, {@code retcode}, then {@code result}
 *     or {@code event}
 * @param headers response headers to add
 */
public record Reply(Map<String, Object> body, Map<String, List<String>> headers) {

  /** Success with a result object (the docs' {@code "message":"success"}). */
  public static Reply ok(Object result) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", "success");
    body.put("retcode", "0");
    body.put("result", result == null ? Map.of() : result);
    return new Reply(body, new LinkedHashMap<>());
  }

  /** A failure with a documented retcode and its meaning. */
  public static Reply error(String retcode) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", Retcodes.meaning(retcode));
    body.put("retcode", retcode);
    body.put("result", null);
    return new Reply(body, new LinkedHashMap<>());
  }

  /** An event-poll answer: one event or {@code null} (section 7.1). */
  public static Reply event(Map<String, Object> event) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("message", "");
    body.put("retcode", "0");
    body.put("event", event);
    return new Reply(body, new LinkedHashMap<>());
  }

  public String retcode() {
    return (String) body.get("retcode");
  }

  /** Adds a header value; returns this for chaining. */
  public Reply header(String name, String value) {
    headers.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    return this;
  }
}
