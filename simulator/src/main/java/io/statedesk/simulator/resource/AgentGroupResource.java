package io.statedesk.simulator.resource;

import io.statedesk.simulator.Simulator;
import io.statedesk.simulator.gateway.Gateway;
import io.statedesk.simulator.gateway.Gateway.Credentials;
import io.statedesk.simulator.gateway.Reply;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import java.util.function.BiFunction;

/**
 * {@code /resource/agentgroup/{agentid}/...}: queries about other agents of the VDN, made by a
 * signed-in agent (the console's directory account) with its own Guid (section 8.2).
 */
@Path("resource/agentgroup/{agentid}")
@RequestScoped
public class AgentGroupResource {

  @Inject Simulator simulator;
  @Context HttpServletRequest request;

  @PathParam("agentid")
  String agentId;

  @HeaderParam("guid")
  String guid;

  @HeaderParam("Cookie")
  String cookie;

  @GET
  @Path("agentbyworkno/{workno}")
  public void agentByWorkNo(@PathParam("workno") String workNo, @Suspended AsyncResponse out) {
    Credentials credentials = credentials();
    call(
        "queryAgentInfoByWorkNo",
        (gateway, id) -> gateway.agentByWorkNo(id, credentials, workNo),
        out);
  }

  @GET
  @Path("agentongroupex")
  public void agentsOfGroup(@QueryParam("groupid") String groupId, @Suspended AsyncResponse out) {
    Credentials credentials = credentials();
    call("agentOnGroupEx", (gateway, id) -> gateway.agentsOfGroup(id, credentials, groupId), out);
  }

  @GET
  @Path("allagentstatus")
  public void allAgentStatus(@Suspended AsyncResponse out) {
    Credentials credentials = credentials();
    call("allAgentStatus", (gateway, id) -> gateway.allAgentStatus(id, credentials), out);
  }

  @GET
  @Path("grouponvdn")
  public void groupsOnVdn(@Suspended AsyncResponse out) {
    Credentials credentials = credentials();
    call("groupOnVdn", (gateway, id) -> gateway.groupsOnVdn(id, credentials), out);
  }

  private Credentials credentials() {
    return new Credentials(guid, cookie);
  }

  private void call(String operation, BiFunction<Gateway, Integer, Reply> body, AsyncResponse out) {
    GatewayCalls.answer(simulator, request, agentId, operation, body, out);
  }
}
