package io.statedesk.web.api;

import io.statedesk.core.bulk.ChangeRequest;
import io.statedesk.core.bulk.StateTarget;
import io.statedesk.core.directory.AgentFilter;
import io.statedesk.core.gateway.CustomState;
import io.statedesk.core.selection.Selections;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.List;

/**
 * Reads the body of a change or a schedule: {@code agents}, {@code filter} or {@code selection}
 * (the id of a saved selection), then the state and the safeguards. The selection is resolved by
 * core's {@link Selections} (who may use it, and which of its agents are the caller's), so the API
 * and the pages resolve it alike.
 */
@RequestScoped
class ChangeBodies {

  @Inject Selections selections;

  ChangeRequest read(JsonObject json, String key) {
    ChangeRequest request = request(json, key);
    Long selection = Json.id(json, "selection");
    return selection == null ? request : selections.applyTo(selection, request);
  }

  /** The body without its selection: agents or filter, code or clear, note and safeguards. */
  static ChangeRequest request(JsonObject json, String key) {
    List<Integer> agents = AgentsJson.agents(json);
    AgentFilter filter = AgentsJson.filter(json);
    JsonValue clear = json.get("clear");
    boolean clearState = clear != null && clear.equals(JsonValue.TRUE);
    if (clear != null && !(clear.equals(JsonValue.TRUE) || clear.equals(JsonValue.FALSE))) {
      throw Json.bad("clear must be true or false", "clear");
    }
    JsonValue verify = json.get("verify");
    if (verify != null
        && !(verify.equals(JsonValue.TRUE)
            || verify.equals(JsonValue.FALSE)
            || verify.equals(JsonValue.NULL))) {
      throw Json.bad("verify must be true or false", "verify");
    }
    Integer code = Json.integer(json, "code");
    if (code != null && !CustomState.isValid(code)) {
      throw Json.bad("code must be a state code " + CustomState.RANGE + ", was " + code, "code");
    }
    return new ChangeRequest(
        agents,
        filter,
        StateTarget.of(code, clearState),
        Json.string(json, "note", false),
        key,
        verify == null || verify.equals(JsonValue.NULL) ? null : verify.equals(JsonValue.TRUE),
        Json.integer(json, "confirmCount"));
  }
}
