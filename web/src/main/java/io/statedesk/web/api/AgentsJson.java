package io.statedesk.web.api;

import io.statedesk.core.directory.AgentFilter;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.session.Availability;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the agents a body names, as {@code agents} (ids) or {@code filter} (an object), for a
 * change, a schedule and a saved selection alike; each malformed field gets a 400 naming it.
 */
final class AgentsJson {

  private AgentsJson() {}

  /** The body's {@code agents} array, or {@code null} when it has none. */
  static List<Integer> agents(JsonObject json) {
    JsonValue a = json.get("agents");
    if (a == null || a.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(a instanceof JsonArray array)) {
      throw Json.bad("agents must be an array of agent ids", "agents");
    }
    List<Integer> agents = new ArrayList<>(array.size());
    for (JsonValue v : array) {
      if (!(v instanceof JsonNumber n) || !n.isIntegral()) {
        throw Json.bad("agents must hold integer agent ids, found " + v, "agents");
      }
      long value = n.longValue();
      agents.add(value < Integer.MIN_VALUE || value > Integer.MAX_VALUE ? -1 : (int) value);
    }
    return agents;
  }

  /** The body's {@code filter} object, or {@code null} when it has none. */
  static AgentFilter filter(JsonObject json) {
    JsonValue f = json.get("filter");
    if (f == null || f.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    if (!(f instanceof JsonObject fo)) {
      throw Json.bad("filter must be an object", "filter");
    }
    return filterOf(fo);
  }

  private static AgentFilter filterOf(JsonObject f) {
    Set<GatewayState> states = EnumSet.noneOf(GatewayState.class);
    for (String s : strings(f, "states")) {
      try {
        states.add(GatewayState.valueOf(s.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw Json.bad("filter.states: '" + s + "' is not a gateway state", "filter.states");
      }
    }
    Set<String> sessions = new LinkedHashSet<>();
    for (String s : strings(f, "sessions")) {
      Availability v =
          Availability.named(s)
              .orElseThrow(
                  () ->
                      Json.bad(
                          "filter.sessions: '" + s + "' must be " + Availability.names(),
                          "filter.sessions"));
      sessions.add(v.name());
    }
    return new AgentFilter(
        new LinkedHashSet<>(strings(f, "teams")),
        Json.string(f, "skill", false),
        states,
        Json.integer(f, "customState"),
        Json.string(f, "text", false),
        sessions,
        new LinkedHashSet<>(strings(f, "skills")));
  }

  private static List<String> strings(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return List.of();
    }
    if (!(v instanceof JsonArray array)) {
      throw Json.bad("filter." + field + " must be an array of strings", "filter." + field);
    }
    List<String> out = new ArrayList<>();
    for (JsonValue e : array) {
      if (!(e instanceof JsonString s)) {
        throw Json.bad("filter." + field + " must hold strings", "filter." + field);
      }
      out.add(s.getString());
    }
    return out;
  }
}
