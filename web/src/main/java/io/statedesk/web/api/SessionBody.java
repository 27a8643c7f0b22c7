package io.statedesk.web.api;

import jakarta.validation.constraints.NotNull;

/**
 * The body of {@code PUT /api/sessions/{agentId}}: a session a desktop or CTI middleware signed in
 * to the gateway, relayed after every sign-in and Guid rotation. The Guid is never echoed back nor
 * written anywhere but the session store; the rules of the values are core's ({@code
 * RelaySessions}).
 *
 * @param guid the session's Guid
 * @param cookie the gateway's load-balancer cookie, if any
 * @param authMode the gateway's authentication mode (1 or 2), or left out
 * @param newSession {@code true}: the Guid comes from a new sign-in, not a rotation; left out or
 *     null: false
 */
public record SessionBody(
    @NotNull(message = "is required") String guid,
    String cookie,
    Integer authMode,
    Boolean newSession) {

  @Override
  public String toString() {
    return "SessionBody[guid=(not shown), authMode=" + authMode + "]"; // never the Guid in a log
  }
}
