package io.statedesk.web.api;

import io.statedesk.core.directory.DirectoryAgent;
import io.statedesk.core.directory.SyncResult;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.session.Availability;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answers of the agent endpoints, as records JSON-B writes, in a fixed order and with their
 * nulls ({@link ChangeJson} says why).
 */
public final class AgentJson {

  private AgentJson() {}

  /** One agent of the directory, with its session's availability now. */
  @JsonbNillable
  @JsonbPropertyOrder({
    "agentId",
    "name",
    "team",
    "skills",
    "gatewayState",
    "customState",
    "session"
  })
  public record Agent(
      int agentId,
      String name,
      String team,
      List<String> skills,
      @Schema(type = SchemaType.STRING) GatewayState gatewayState,
      Integer customState,
      @Schema(type = SchemaType.STRING) Availability session) {

    static Agent of(DirectoryAgent a, Availability session) {
      return new Agent(
          a.getAgentId(),
          a.getName(),
          a.getTeam(),
          a.getSkills() == null ? List.of() : List.of(a.getSkills().split(",")),
          a.getGatewayState(),
          a.getCustomState(),
          session);
    }
  }

  /** A page of agents ({@code GET /api/agents}). */
  @JsonbPropertyOrder({"total", "first", "agents"})
  public record AgentPage(long total, int first, List<Agent> agents) {}

  /** What a sync from the gateway did. */
  @JsonbPropertyOrder({"added", "updated", "removed"})
  public record Synced(int added, int updated, int removed) {

    static Synced of(SyncResult r) {
      return new Synced(r.added(), r.updated(), r.removed());
    }
  }

  /** What an import did (it removes no agent). */
  @JsonbPropertyOrder({"added", "updated"})
  public record Imported(int added, int updated) {

    static Imported of(SyncResult r) {
      return new Imported(r.added(), r.updated());
    }
  }
}
