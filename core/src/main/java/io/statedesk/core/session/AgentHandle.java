package io.statedesk.core.session;

import io.statedesk.core.gateway.GatewayAuth;
import io.statedesk.core.gateway.Guids;
import java.io.Serializable;
import java.time.Instant;

/**
 * The current session of one agent at the gateway.
 *
 * @param agentId the agent
 * @param guid the agent's current Guid (never logged whole)
 * @param cookie the load-balancer cookie to replay, or {@code null}
 * @param authMode the gateway's AUTHMODE as far as we know it (1 static, 2 rotating)
 * @param source hosted or relayed
 * @param obtainedAt when this Guid was obtained
 */
public record AgentHandle(
    int agentId, String guid, String cookie, int authMode, SessionSource source, Instant obtainedAt)
    implements Serializable {

  public GatewayAuth auth() {
    return new GatewayAuth(agentId, guid, cookie);
  }

  AgentHandle withGuid(String newGuid, Instant at) {
    return new AgentHandle(agentId, newGuid, cookie, 2, source, at);
  }

  @Override
  public String toString() {
    return "AgentHandle[agent="
        + agentId
        + ", guid="
        + Guids.mask(guid)
        + ", source="
        + source
        + ", authMode="
        + authMode
        + ", obtainedAt="
        + obtainedAt
        + "]";
  }
}
