package io.statedesk.core.selection;

import io.statedesk.core.directory.AgentFilter;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.session.Availability;
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
import java.util.Collection;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The picker's {@link AgentFilter} as a small JSON document, for {@link SavedSelection}. Written
 * with JSON-P (as the catalog's export is) rather than JSON-B: the record's field names are the
 * document's, and reading is lenient on purpose, so a selection saved before a menu existed, or
 * holding a gateway state a later version dropped, still reads (the unknown part is left out).
 */
final class FilterJson {

  private FilterJson() {}

  static String write(AgentFilter filter) {
    JsonObjectBuilder o = Json.createObjectBuilder();
    strings(o, "teams", filter.teams());
    if (filter.skill() != null && !filter.skill().isBlank()) {
      o.add("skill", filter.skill());
    }
    strings(o, "states", filter.states().stream().map(GatewayState::name).toList());
    if (filter.customState() != null) {
      o.add("customState", filter.customState());
    }
    if (filter.text() != null && !filter.text().isBlank()) {
      o.add("text", filter.text());
    }
    strings(o, "sessions", filter.sessions().stream().map(Availability::name).toList());
    strings(o, "skills", filter.skills());
    return o.build().toString();
  }

  static AgentFilter read(String json) {
    if (json == null || json.isBlank()) {
      return AgentFilter.none();
    }
    JsonObject o;
    try (var reader = Json.createReader(new StringReader(json))) {
      o = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      return AgentFilter.none();
    }
    Set<GatewayState> states = EnumSet.noneOf(GatewayState.class);
    for (String s : strings(o, "states")) {
      try {
        states.add(GatewayState.valueOf(s.toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        // a state this version does not know: left out, as the Javadoc says
      }
    }
    return new AgentFilter(
        strings(o, "teams"),
        string(o, "skill"),
        states,
        o.get("customState") instanceof JsonNumber n && n.isIntegral() ? n.intValue() : null,
        string(o, "text"),
        sessions(o),
        strings(o, "skills"));
  }

  /** The stored availabilities; one this version does not know is left out, as a state is. */
  private static Set<Availability> sessions(JsonObject o) {
    Set<Availability> sessions = EnumSet.noneOf(Availability.class);
    for (String s : strings(o, "sessions")) {
      Availability.named(s).ifPresent(sessions::add);
    }
    return sessions;
  }

  private static void strings(JsonObjectBuilder o, String field, Collection<String> values) {
    if (!values.isEmpty()) {
      JsonArrayBuilder a = Json.createArrayBuilder();
      new TreeSet<>(values).forEach(a::add);
      o.add(field, a);
    }
  }

  private static Set<String> strings(JsonObject o, String field) {
    Set<String> out = new LinkedHashSet<>();
    if (o.get(field) instanceof JsonArray a) {
      for (JsonValue v : a) {
        if (v instanceof JsonString s) {
          out.add(s.getString());
        }
      }
    }
    return out;
  }

  private static String string(JsonObject o, String field) {
    return o.get(field) instanceof JsonString s ? s.getString() : null;
  }
}
