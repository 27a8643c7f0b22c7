package io.statedesk.web.api;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The body of {@code PUT /api/relay-clients/{id}/scope}: which agents a relay client may relay for,
 * and until when. Each member left out lifts its limit.
 *
 * @param teams the teams whose agents it may relay for
 * @param agents agent ids and ranges, e.g. {@code "10001-10300, 10500"} (read by core's {@code
 *     RelayScope})
 * @param expiresAt an ISO-8601 instant after which its token is refused
 */
public record RelayScopeBody(
    @WrongType(value = TeamsBody.TEAM_NAMES, element = TeamsBody.TEAM_NAMES) List<String> teams,
    String agents,
    String expiresAt) {

  /** The teams as core keeps them (one a line), or null when left out. */
  String teamLines() {
    if (teams == null) {
      return null;
    }
    StringBuilder joined = new StringBuilder();
    teams.forEach(t -> joined.append(t).append('\n'));
    return joined.toString();
  }

  /** {@link #expiresAt} read, null when left out, or a 400 naming it. */
  Instant expiry() {
    try {
      return expiresAt == null ? null : Instant.parse(expiresAt);
    } catch (DateTimeParseException e) {
      throw Json.bad(
          "expiresAt must be an ISO-8601 instant, e.g. 2027-01-01T00:00:00Z", "expiresAt");
    }
  }
}
