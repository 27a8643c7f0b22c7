package io.statedesk.web.api;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.problem.Text;
import io.statedesk.core.security.AccessDeniedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Set;

/**
 * Supervisor scope for admins: {@code GET /api/users/{username}/teams} and {@code PUT} with {@code
 * {"teams": ["Billing", ...]}} to replace them.
 */
@Path("users/{username}/teams")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
public class UserTeamsResource {

  @Inject TeamScope teams;
  @Inject JsonBodies bodies;

  @GET
  public UserTeams get(@PathParam("username") String username) {
    if (!teams.callerSeesAll()) {
      throw new AccessDeniedException(Text.of("access.teams.others"));
    }
    return new UserTeams(username, teams.teamsOf(username));
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  public UserTeams put(@PathParam("username") String username, String body) {
    TeamsBody assigned = bodies.read(Json.object(body), TeamsBody.class);
    // an unknown user or team is core's refusal: 400 naming the field, in the caller's language
    return new UserTeams(username, teams.assign(username, assigned.teams()));
  }

  /**
   * A supervisor's teams.
   *
   * @param username the supervisor
   * @param teams their teams
   */
  @JsonbPropertyOrder({"username", "teams"})
  public record UserTeams(String username, Set<String> teams) {}
}
