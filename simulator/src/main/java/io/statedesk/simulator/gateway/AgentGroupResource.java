package io.statedesk.simulator.gateway;

import io.statedesk.simulator.Simulator;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

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
  public Response agentByWorkNo(@PathParam("workno") String workNo) {
    return call(
        "queryAgentInfoByWorkNo",
        id -> simulator.gateway().agentByWorkNo(id, credentials(), workNo));
  }

  @GET
  @Path("agentongroupex")
  public Response agentsOfGroup(@QueryParam("groupid") String groupId) {
    return call(
        "agentOnGroupEx", id -> simulator.gateway().agentsOfGroup(id, credentials(), groupId));
  }

  @GET
  @Path("allagentstatus")
  public Response allAgentStatus() {
    return call("allAgentStatus", id -> simulator.gateway().allAgentStatus(id, credentials()));
  }

  @GET
  @Path("grouponvdn")
  public Response groupsOnVdn() {
    return call("groupOnVdn", id -> simulator.gateway().groupsOnVdn(id, credentials()));
  }

  private Gateway.Credentials credentials() {
    return new Gateway.Credentials(guid, cookie);
  }

  private Response call(String operation, Function<Integer, Reply> body) {
    Integer id = Gateway.agentId(agentId);
    if (id == null) {
      return simulator.answer(request, operation, 0, () -> Reply.error(Retcodes.BAD_PARAMETER));
    }
    return simulator.answer(request, operation, id, () -> body.apply(id));
  }
}
