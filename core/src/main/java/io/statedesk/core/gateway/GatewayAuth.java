package io.statedesk.core.gateway;

/**
 * What authenticates a call for one agent: the agent's own Guid and the cookie that keeps the
 * session on its gateway node (NSLB stickiness, gateway-api.md section 10).
 *
 * @param agentId the agent the Guid belongs to
 * @param guid the current Guid (never logged whole)
 * @param cookie the {@code Cookie} header value to replay, or {@code null}
 */
public record GatewayAuth(int agentId, String guid, String cookie) {

  /** Masks the Guid and the cookie, so that logging a record never leaks a credential. */
  @Override
  public String toString() {
    return "GatewayAuth[agent="
        + agentId
        + ", guid="
        + Guids.mask(guid)
        + ", cookie="
        + (cookie == null ? "-" : "***")
        + "]";
  }
}
