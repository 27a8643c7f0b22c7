package io.statedesk.core.gateway;

import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import io.statedesk.core.gateway.GatewayRecords.SignInRequest;
import jakarta.json.JsonObjectBuilder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One call to the gateway as data: the operation's name (as gateway-api.md, the log and the metrics
 * name it), the HTTP method, path, query and JSON body, and the agent and session it is for.
 *
 * <p>Why a record with a factory per operation: the factories below are the table of every
 * interface StateDesk uses, readable in one place and tested without a server ({@code
 * GatewayRequestTest}), and either transport sends any of them.
 *
 * @param operation the interface's name, e.g. {@code setCustomState}
 * @param method {@code GET}, {@code PUT}, {@code POST} or {@code DELETE}
 * @param path below the gateway's base URL, e.g. {@code onlineagent/10001/agentstatus}
 * @param query query parameters, in order (empty for none)
 * @param body the JSON body, or {@code null} to send none (may hold a password: never logged)
 * @param agentId the agent the call is for: the failures' and the log's subject
 * @param auth the session's Guid and cookie, or {@code null} before sign-in
 */
record GatewayRequest(
    String operation,
    String method,
    String path,
    Map<String, String> query,
    String body,
    int agentId,
    GatewayAuth auth) {

  GatewayRequest {
    query = Collections.unmodifiableMap(new LinkedHashMap<>(query));
  }

  /** {@code login}, {@code loginEx} or {@code forceLogin} (gateway-api.md section 3.1). */
  static GatewayRequest signIn(int agentId, SignInRequest request, SignInMode mode) {
    requireAgentId("login", agentId);
    String path =
        "onlineagent/"
            + agentId
            + switch (mode) {
              case LOGIN -> "";
              case LOGINEX -> "/loginex";
              case FORCE -> "/forcelogin";
            };
    String operation =
        switch (mode) {
          case LOGIN -> "login";
          case LOGINEX -> "loginEx";
          case FORCE -> "forceLogin";
        };
    JsonObjectBuilder body =
        GatewayAnswer.JSON
            .createObjectBuilder()
            .add("password", request.password() == null ? "" : request.password());
    if (request.phoneNumber() != null) {
      body.add("phonenum", request.phoneNumber());
    }
    body.add("status", Integer.toString(request.status()));
    if (request.autoAnswer() != null) {
      body.add("autoanswer", request.autoAnswer().toString());
    }
    return new GatewayRequest(
        operation, "PUT", path, Map.of(), body.build().toString(), agentId, null);
  }

  /** {@code logout} or {@code forceLogout}. */
  static GatewayRequest signOut(GatewayAuth auth, boolean force) {
    return force
        ? of("forceLogout", "DELETE", auth, "onlineagent/" + auth.agentId() + "/forcelogout")
        : of("logout", "DELETE", auth, "onlineagent/" + auth.agentId() + "/logout");
  }

  /** {@code getAgentEvent}, the event long-poll. */
  static GatewayRequest poll(GatewayAuth auth) {
    return of("getAgentEvent", "GET", auth, "agentevent/" + auth.agentId());
  }

  /** {@code updateGuid} (section 2.3): the gateway rotates the session's Guid now. */
  static GatewayRequest updateGuid(GatewayAuth auth) {
    return of("updateGuid", "PUT", auth, "onlineagent/" + auth.agentId() + "/updateGuid")
        .withBody("");
  }

  /** {@code setCustomState}: the code is in range by its type, so nothing is re-checked here. */
  static GatewayRequest setCustomState(GatewayAuth auth, CustomState state) {
    return of("setCustomState", "POST", auth, "onlineagent/" + auth.agentId() + "/setcustomstate")
        .withQuery("customstate", Integer.toString(state.value()))
        .withBody("");
  }

  /** {@code queryCustomState}. */
  static GatewayRequest queryCustomState(GatewayAuth auth) {
    return of(
        "queryCustomState", "GET", auth, "onlineagent/" + auth.agentId() + "/querycustomstate");
  }

  /** {@code cancelSetCustomState}. */
  static GatewayRequest cancelCustomState(GatewayAuth auth) {
    return of(
            "cancelSetCustomState",
            "POST",
            auth,
            "onlineagent/" + auth.agentId() + "/cancelsetcustomstate")
        .withBody("");
  }

  /** {@code getAgentStatus}: the agent's own state. */
  static GatewayRequest agentStatus(GatewayAuth auth) {
    return of("getAgentStatus", "GET", auth, "onlineagent/" + auth.agentId() + "/agentstatus");
  }

  /** {@code groupOnVdn} (section 8.2): the groups of the caller's VDN. */
  static GatewayRequest groups(GatewayAuth caller) {
    return of("groupOnVdn", "GET", caller, "agentgroup/" + caller.agentId() + "/grouponvdn");
  }

  /** {@code agentOnGroupEx}: the agents of one group. */
  static GatewayRequest agentsOfGroup(GatewayAuth caller, int groupId) {
    return of("agentOnGroupEx", "GET", caller, "agentgroup/" + caller.agentId() + "/agentongroupex")
        .withQuery("groupid", Integer.toString(groupId));
  }

  /** {@code queryAgentInfoByWorkNo}: another agent, asked by {@code caller}. */
  static GatewayRequest agent(GatewayAuth caller, AgentId workNo) {
    return aboutAnother(
        "queryAgentInfoByWorkNo",
        caller,
        "agentgroup/" + caller.agentId() + "/agentbyworkno/",
        workNo);
  }

  /** {@code agentSkillsByWorkNo}: another agent's skill queues, asked by {@code caller}. */
  static GatewayRequest skillsOf(GatewayAuth caller, AgentId workNo) {
    return aboutAnother(
        "agentSkillsByWorkNo",
        caller,
        "onlineagent/" + caller.agentId() + "/agentskillsbyworkno/",
        workNo);
  }

  /**
   * Refuses an agent id outside the documented range (101..999999) before anything is sent.
   *
   * @throws InvalidGatewayRequestException naming the operation and the id
   */
  static void requireAgentId(String operation, int agentId) {
    if (!AgentId.isValid(agentId)) {
      throw new InvalidGatewayRequestException(
          operation, agentId, "agent id", "must be " + AgentId.RANGE + ", was " + agentId);
    }
  }

  /** {@link #requireAgentId} for this request's agent. */
  void requireAgentId() {
    requireAgentId(operation, agentId);
  }

  /** A call in {@code auth}'s session, whose agent its failures name, without query or body. */
  private static GatewayRequest of(String operation, String method, GatewayAuth auth, String path) {
    return new GatewayRequest(operation, method, path, Map.of(), null, auth.agentId(), auth);
  }

  /**
   * A query in {@code caller}'s session about agent {@code workNo}, whose id ends the path: in
   * range by its type; the caller's own id is checked when the request is sent, as for any call.
   */
  private static GatewayRequest aboutAnother(
      String operation, GatewayAuth caller, String pathBeforeId, AgentId workNo) {
    return of(operation, "GET", caller, pathBeforeId + workNo.value());
  }

  private GatewayRequest withQuery(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(query);
    more.put(name, value);
    return new GatewayRequest(operation, method, path, more, body, agentId, auth);
  }

  private GatewayRequest withBody(String json) {
    return new GatewayRequest(operation, method, path, query, json, agentId, auth);
  }

  /** Without the body, which may hold a password; the Guid only masked ({@link GatewayAuth}). */
  @Override
  public String toString() {
    return "GatewayRequest["
        + operation
        + " "
        + method
        + " "
        + path
        + (query.isEmpty() ? "" : " " + query)
        + " agent "
        + agentId
        + (auth == null ? "" : " " + auth)
        + "]";
  }
}
