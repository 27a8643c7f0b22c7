package io.statedesk.web.api;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.problem.Text;
import io.statedesk.core.security.AccessDeniedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Supervisor scope for admins: {@code GET /api/users/{username}/teams} and {@code PUT} with {@code
 * {"teams": ["Billing", ...]}} to replace them.
 */
@Path("users/{username}/teams")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserTeamsResource {

  @Inject TeamScope teams;

  @GET
  public Map<String, Object> get(@PathParam("username") String username) {
    if (!teams.callerSeesAll()) {
      throw new AccessDeniedException(Text.of("access.teams.others"));
    }
    return Map.of("username", username, "teams", teams.teamsOf(username));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public Map<String, Object> put(@PathParam("username") String username, String body) {
    JsonObject json = Json.object(body);
    if (!(json.get("teams") instanceof JsonArray array)) {
      throw Json.bad("teams must be an array of team names", "teams");
    }
    List<String> names = new ArrayList<>();
    for (JsonValue v : array) {
      if (!(v instanceof JsonString s)) {
        throw Json.bad("teams must be strings", "teams");
      }
      names.add(s.getString());
    }
    // an unknown user or team is core's refusal: 400 naming the field, in the caller's language
    return Map.of("username", username, "teams", teams.assign(username, names));
  }
}
