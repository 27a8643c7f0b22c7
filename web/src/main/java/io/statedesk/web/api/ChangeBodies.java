package io.statedesk.web.api;

import io.statedesk.core.bulk.ChangeRequest;
import io.statedesk.core.selection.Selections;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;

/**
 * Reads the body of a change or a schedule ({@link ChangeBody}): {@code agents}, {@code filter} or
 * {@code selection} (the id of a saved selection), then the state and the safeguards. The selection
 * is resolved by core's {@link Selections} (who may use it, and which of its agents are the
 * caller's), so the API and the pages resolve it alike.
 */
@RequestScoped
class ChangeBodies {

  @Inject Selections selections;
  @Inject JsonBodies bodies;

  ChangeRequest read(JsonObject json, String key) {
    ChangeBody body = bodies.read(json, ChangeBody.class);
    ChangeRequest request = body.toRequest(key);
    return body.selection() == null ? request : selections.applyTo(body.selection(), request);
  }
}
