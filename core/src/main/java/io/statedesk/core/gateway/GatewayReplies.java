package io.statedesk.core.gateway;

import io.statedesk.core.gateway.GatewayRecords.AgentStatus;
import io.statedesk.core.gateway.GatewayRecords.GatewayAgent;
import io.statedesk.core.gateway.GatewayRecords.GatewayEvent;
import io.statedesk.core.gateway.GatewayRecords.GatewayGroup;
import io.statedesk.core.gateway.GatewayRecords.GatewaySkill;
import io.statedesk.core.gateway.GatewayRecords.PollResult;
import io.statedesk.core.gateway.GatewayRecords.SignInResult;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads the {@code result} of successful answers into {@link GatewayRecords}, one method per kind
 * of answer. Why apart from the client: this is where the gateway's loose JSON (numbers sent as
 * strings, optional fields) meets typed records, and it is tested without a server ({@code
 * GatewayRepliesTest}). An answer missing what its operation promises fails as {@link
 * GatewayUnavailableException.Kind#BAD_RESPONSE}.
 */
final class GatewayReplies {

  private GatewayReplies() {}

  /** A sign-in's Guid ({@code Set-GUID}), the cookies to replay, server name and sign-in time. */
  static SignInResult signIn(GatewayAnswer answer) {
    String guid = Guids.fromSetGuid(answer.header("Set-GUID"));
    if (guid == null) {
      throw answer.badResponse("no Set-GUID header");
    }
    String cookie = cookieHeader(answer.setCookies());
    JsonObject result = answer.result();
    Instant loginTime = Instant.now();
    if (result != null && result.get("loginTime") != null) {
      try {
        loginTime = Instant.ofEpochMilli(Long.parseLong(text(result, "loginTime")));
      } catch (NumberFormatException e) {
        // keep now: the field is informational
      }
    }
    String server = result == null ? null : text(result, "serverName");
    int agentId = answer.request().agentId();
    return new SignInResult(new GatewayAuth(agentId, guid, cookie), server, loginTime);
  }

  /** An event poll's event, if one was queued, and the rotated Guid, if the gateway sent one. */
  static PollResult poll(GatewayAnswer answer) {
    Optional<String> rotated = Optional.ofNullable(Guids.fromSetGuid(answer.header("Set-GUID")));
    JsonValue event = answer.body().get("event");
    if (event == null || event.getValueType() != JsonValue.ValueType.OBJECT) {
      return new PollResult(Optional.empty(), rotated);
    }
    JsonObject e = event.asJsonObject();
    Map<String, Object> content = new LinkedHashMap<>();
    JsonValue c = e.get("content");
    if (c != null && c.getValueType() == JsonValue.ValueType.OBJECT) {
      c.asJsonObject()
          .forEach(
              (k, v) -> content.put(k, v instanceof JsonString s ? s.getString() : v.toString()));
    }
    Optional<Instant> generated = Optional.empty();
    String gen = text(e, "eventGenTime");
    if (gen != null && gen.chars().allMatch(Character::isDigit) && !gen.isEmpty()) {
      generated = Optional.of(Instant.ofEpochMilli(Long.parseLong(gen)));
    }
    int workNo = parseIntOr(text(e, "workNo"), answer.request().agentId());
    return new PollResult(
        Optional.of(new GatewayEvent(text(e, "eventType"), workNo, Map.copyOf(content), generated)),
        rotated);
  }

  /** {@code updateGuid}'s new Guid ({@code result.guid}), trimmed. */
  static String rotatedGuid(GatewayAnswer answer) {
    String guid = answer.result() == null ? null : text(answer.result(), "guid");
    if (guid == null || guid.isBlank()) {
      throw answer.badResponse("no result.guid");
    }
    return guid.trim();
  }

  /**
   * The agent's custom state, or empty when none is set ({@link CustomState#NOT_SET}). Any other
   * number outside the range is refused like a non-number: the answer comes from outside, and a
   * code the gateway could never have set must not reach the directory or a read-back comparison.
   */
  static Optional<CustomState> customState(GatewayAnswer answer) {
    String value = answer.result() == null ? null : text(answer.result(), "agentcustomstate");
    Integer state = value == null ? null : parseIntOr(value.trim(), null);
    if (state == null) {
      throw answer.badResponse("agentcustomstate missing or not a number");
    }
    if (state == CustomState.NOT_SET) {
      return Optional.empty();
    }
    if (!CustomState.isValid(state)) {
      throw answer.badResponse(
          "agentcustomstate " + state + " is neither " + CustomState.RANGE + " nor none set");
    }
    return Optional.of(new CustomState(state));
  }

  /** The agent's own state and whether it is working. */
  static AgentStatus agentStatus(GatewayAnswer answer) {
    JsonObject r = requireResult(answer);
    return new AgentStatus(
        GatewayState.of(intOf(r, "agentState", 0)), r.getBoolean("isWorking", false));
  }

  /** The groups of a VDN. */
  static List<GatewayGroup> groups(GatewayAnswer answer) {
    return list(answer, o -> new GatewayGroup(intOf(o, "groupid", 0), text(o, "groupname")));
  }

  /** The agents of a group. */
  static List<GatewayAgent> agents(GatewayAnswer answer) {
    return list(answer, GatewayReplies::agent);
  }

  /** One agent. */
  static GatewayAgent agent(GatewayAnswer answer) {
    return agent(requireResult(answer));
  }

  /** An agent's skill queues. */
  static List<GatewaySkill> skills(GatewayAnswer answer) {
    return list(
        answer,
        o -> new GatewaySkill(intOf(o, "id", 0), text(o, "name"), intOf(o, "mediatype", 0)));
  }

  /**
   * The {@code Cookie} header that replays every {@code Set-Cookie} of a sign-in ({@code a=1;
   * b=2}), or {@code null} when there was none: a load balancer's affinity cookie and the gateway's
   * own may both be set, and dropping either can route later calls to a node that does not know the
   * Guid.
   */
  static String cookieHeader(List<String> setCookies) {
    List<String> pairs = new ArrayList<>();
    for (String setCookie : setCookies) {
      String pair = cookiePair(setCookie);
      if (pair != null) {
        pairs.add(pair);
      }
    }
    return pairs.isEmpty() ? null : String.join("; ", pairs);
  }

  /** The {@code name=value} pair of one {@code Set-Cookie} header. */
  static String cookiePair(String setCookie) {
    if (setCookie == null || setCookie.isBlank()) {
      return null;
    }
    String pair = setCookie.split(";", 2)[0].trim();
    return pair.contains("=") ? pair : null;
  }

  private static GatewayAgent agent(JsonObject o) {
    return new GatewayAgent(
        parseIntOr(text(o, "workno"), 0),
        text(o, "name"),
        GatewayState.of(intOf(o, "status", 0)),
        intOf(o, "groupid", 0),
        text(o, "phonenumber"),
        intOf(o, "currentstatetime", 0));
  }

  private static JsonObject requireResult(GatewayAnswer answer) {
    JsonObject result = answer.result();
    if (result == null) {
      throw answer.badResponse("no result object");
    }
    return result;
  }

  /** The objects of a {@code result} array; anything else in it is skipped. */
  private static <T> List<T> list(GatewayAnswer answer, Function<JsonObject, T> mapper) {
    JsonValue result = answer.body().get("result");
    List<T> items = new ArrayList<>();
    if (result != null && result.getValueType() == JsonValue.ValueType.ARRAY) {
      for (JsonValue v : result.asJsonArray()) {
        if (v.getValueType() == JsonValue.ValueType.OBJECT) {
          items.add(mapper.apply(v.asJsonObject()));
        }
      }
    }
    return items;
  }

  /** A field as text, whether the gateway sent a string or a number; {@code null} if absent. */
  private static String text(JsonObject o, String field) {
    JsonValue v = o.get(field);
    if (v == null || v.getValueType() == JsonValue.ValueType.NULL) {
      return null;
    }
    return v instanceof JsonString s ? s.getString() : v.toString();
  }

  /** A number field, sent as a number or as a string; {@code fallback} if neither. */
  private static int intOf(JsonObject o, String field, int fallback) {
    JsonValue v = o.get(field);
    if (v instanceof JsonNumber n) {
      return n.intValue();
    }
    if (v instanceof JsonString s) {
      return parseIntOr(s.getString().trim(), fallback);
    }
    return fallback;
  }

  private static Integer parseIntOr(String text, Integer fallback) {
    if (text == null) {
      return fallback;
    }
    try {
      return Integer.valueOf(text);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }
}
