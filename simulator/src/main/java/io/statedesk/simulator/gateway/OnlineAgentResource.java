package io.statedesk.simulator.gateway;

import io.statedesk.simulator.Json;
import io.statedesk.simulator.Simulator;
import io.statedesk.simulator.gateway.Gateway.Credentials;
import io.statedesk.simulator.gateway.Gateway.SignInKind;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.util.function.Function;

/** {@code /resource/onlineagent/{agentid}/...}: an agent's own session and custom state. */
@Path("resource/onlineagent/{agentid}")
@RequestScoped
public class OnlineAgentResource {

  @Inject Simulator simulator;
  @Context HttpServletRequest request;

  @PathParam("agentid")
  String agentId;

  @HeaderParam("guid")
  String guid;

  @HeaderParam("Cookie")
  String cookie;

  @PUT
  public Response signIn(String body) {
    return signIn(body, SignInKind.LOGIN);
  }

  @PUT
  @Path("forcelogin")
  public Response forceSignIn(String body) {
    return signIn(body, SignInKind.FORCE);
  }

  @PUT
  @Path("loginex")
  public Response platformSignIn(String body) {
    return signIn(body, SignInKind.LOGINEX);
  }

  private Response signIn(String body, SignInKind kind) {
    return exclusive(
        kind.logName,
        Retcodes.SIGNIN_IN_PROGRESS,
        id -> simulator.gateway().signIn(id, Json.readObject(body), kind));
  }

  @DELETE
  @Path("logout")
  public Response signOut() {
    return exclusive(
        "logout",
        Retcodes.REPEATED_CALL,
        id -> simulator.gateway().signOut(id, credentials(), false));
  }

  @DELETE
  @Path("forcelogout")
  public Response forceSignOut() {
    return exclusive(
        "forceLogout",
        Retcodes.REPEATED_CALL,
        id -> simulator.gateway().signOut(id, credentials(), true));
  }

  @PUT
  @Path("updateGuid")
  public Response updateGuid() {
    return call("updateGuid", id -> simulator.gateway().updateGuid(id, credentials()));
  }

  @POST
  @Path("setcustomstate")
  public Response setCustomState(@QueryParam("customstate") String customState) {
    Integer id = Gateway.agentId(agentId);
    if (id == null) {
      return call("setCustomState", x -> Reply.error(Retcodes.BAD_PARAMETER));
    }
    return simulator.answerExclusive(
        request,
        "setCustomState",
        id,
        "setCustomState",
        Retcodes.REPEATED_CALL,
        () -> simulator.gateway().setCustomState(id, credentials(), customState));
  }

  @GET
  @Path("querycustomstate")
  public Response queryCustomState() {
    return call("queryCustomState", id -> simulator.gateway().queryCustomState(id, credentials()));
  }

  @POST
  @Path("cancelsetcustomstate")
  public Response cancelCustomState() {
    return call(
        "cancelSetCustomState", id -> simulator.gateway().cancelCustomState(id, credentials()));
  }

  @GET
  @Path("agentstatus")
  public Response agentStatus() {
    return call("getAgentStatus", id -> simulator.gateway().agentStatus(id, credentials()));
  }

  @GET
  @Path("agentskillsbyworkno/{workno}")
  public Response skillsByWorkNo(@PathParam("workno") String workNo) {
    return call(
        "agentSkillsByWorkNo", id -> simulator.gateway().skillsByWorkNo(id, credentials(), workNo));
  }

  private Credentials credentials() {
    return new Credentials(guid, cookie);
  }

  /** Sign-in and sign-out of one agent exclude each other while in progress (section 3.1). */
  private Response exclusive(String operation, String busyRetcode, Function<Integer, Reply> body) {
    Integer id = Gateway.agentId(agentId);
    if (id == null) {
      return simulator.answer(request, operation, 0, () -> Reply.error(Retcodes.BAD_PARAMETER));
    }
    return simulator.answerExclusive(
        request, operation, id, "session", busyRetcode, () -> body.apply(id));
  }

  private Response call(String operation, Function<Integer, Reply> body) {
    Integer id = Gateway.agentId(agentId);
    if (id == null) {
      return simulator.answer(request, operation, 0, () -> Reply.error(Retcodes.BAD_PARAMETER));
    }
    return simulator.answer(request, operation, id, () -> body.apply(id));
  }
}
