package io.statedesk.web.api;

import jakarta.validation.constraints.NotNull;
import java.util.List;

/**
 * The body of {@code PUT /api/users/{username}/teams}: the supervisor's teams, replacing theirs. An
 * unknown user or team is core's refusal ({@code TeamScope}).
 *
 * @param teams the team names (an empty array: none)
 */
public record TeamsBody(
    @WrongType(value = TEAM_NAMES, element = "must be strings", nullIsWrong = true)
        @NotNull(message = TEAM_NAMES)
        List<String> teams) {

  static final String TEAM_NAMES = "must be an array of team names";
}
