package io.statedesk.web.api;

import io.statedesk.core.directory.AgentFilter;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.session.Availability;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The agents a change, a schedule or a saved selection names by filter: {@code "filter": {...}} in
 * their bodies, and a saved selection's filter in its answer (the lists sorted, every member given,
 * null where it sets no condition). Every member of a body's may be left out (no condition). The
 * single values have always been named alone in refusals ({@code "skill must be a string"}), the
 * lists by their path ({@code "filter.states must hold strings"}).
 *
 * @param teams the agents' teams (any of them)
 * @param skill one skill the agents have
 * @param states gateway states by name, in any case ({@code IDLE}, {@code talking}, ...)
 * @param customState the custom state the agents are in
 * @param text part of an agent's id or name
 * @param sessions session availabilities ({@link Availability#names()})
 * @param skills skills (any of them)
 */
@JsonbNillable
@JsonbPropertyOrder({"teams", "skill", "states", "customState", "text", "sessions", "skills"})
public record FilterBody(
    List<String> teams,
    @WrongType(field = "skill") String skill,
    List<String> states,
    @WrongType(field = "customState") Integer customState,
    @WrongType(field = "text") String text,
    List<String> sessions,
    List<String> skills) {

  /** A filter as an answer gives it: each list sorted. */
  static FilterBody of(AgentFilter f) {
    return new FilterBody(
        f.teams().stream().sorted().toList(),
        f.skill(),
        f.states().stream().map(Enum::name).sorted().toList(),
        f.customState(),
        f.text(),
        f.sessions().stream().map(Enum::name).sorted().toList(),
        f.skills().stream().sorted().toList());
  }

  /** The filter, or a 400 naming a state or an availability that is not one. */
  AgentFilter toFilter() {
    Set<GatewayState> gatewayStates = EnumSet.noneOf(GatewayState.class);
    for (String s : orNone(states)) {
      try {
        gatewayStates.add(GatewayState.valueOf(s.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw Json.bad("filter.states: '" + s + "' is not a gateway state", "filter.states");
      }
    }
    Set<Availability> availabilities = EnumSet.noneOf(Availability.class);
    for (String s : orNone(sessions)) {
      Availability v =
          Availability.named(s)
              .orElseThrow(
                  () ->
                      Json.bad(
                          "filter.sessions: '" + s + "' must be " + Availability.names(),
                          "filter.sessions"));
      availabilities.add(v);
    }
    return new AgentFilter(
        new LinkedHashSet<>(orNone(teams)),
        skill,
        gatewayStates,
        customState,
        text,
        availabilities,
        new LinkedHashSet<>(orNone(skills)));
  }

  private static List<String> orNone(List<String> list) {
    return list == null ? List.of() : list;
  }
}
