package io.statedesk.web.api;

import io.statedesk.core.session.AgentHandle;
import io.statedesk.core.session.RelayClient;
import io.statedesk.core.session.SessionSource;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answers of the relay endpoints (relay clients, relayed sessions), as records JSON-B writes,
 * in a fixed order and with their nulls ({@link ChangeJson} says why). Neither ever holds a Guid.
 */
public final class RelayJson {

  private RelayJson() {}

  /**
   * A relay client and its scope.
   *
   * @param token the client's token, given once: only when it is made (else left out)
   */
  @JsonbNillable
  @JsonbPropertyOrder({
    "id",
    "name",
    "active",
    "createdAt",
    "createdBy",
    "lastUsedAt",
    "teams",
    "agents",
    "expiresAt",
    "token"
  })
  public record Client(
      Long id,
      String name,
      boolean active,
      Instant createdAt,
      String createdBy,
      Instant lastUsedAt,
      List<String> teams,
      String agents,
      Instant expiresAt,
      @JsonbNillable(false) String token) {

    static Client of(RelayClient c, Instant lastUsed, String token) {
      return new Client(
          c.getId(),
          c.getName(),
          c.isActive(),
          c.getCreatedAt(),
          c.getCreatedBy(),
          lastUsed,
          List.copyOf(c.scope().teams()),
          c.scope().agentsText(),
          c.getExpiresAt(),
          token);
    }

    @Override
    public String toString() {
      return "Client[id=" + id + ", name=" + name + "]"; // never the token in a log
    }
  }

  /** A relayed session as registered (never its Guid). */
  @JsonbNillable
  @JsonbPropertyOrder({"agentId", "source", "authMode", "obtainedAt"})
  public record Session(
      int agentId,
      @Schema(type = SchemaType.STRING) SessionSource source,
      int authMode,
      Instant obtainedAt) {

    static Session of(AgentHandle h) {
      return new Session(h.agentId(), h.source(), h.authMode(), h.obtainedAt());
    }
  }
}
