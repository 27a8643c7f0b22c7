package io.statedesk.simulator.resource;

import io.statedesk.simulator.Simulator;
import io.statedesk.simulator.gateway.Gateway;
import io.statedesk.simulator.gateway.Gateway.Credentials;
import io.statedesk.simulator.gateway.Gateway.SignInKind;
import io.statedesk.simulator.gateway.Reply;
import io.statedesk.simulator.gateway.Retcodes;
import io.statedesk.simulator.http.Incoming;
import io.statedesk.simulator.http.Json;
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
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import java.util.function.BiFunction;

/**
 * {@code /resource/onlineagent/{agentid}/...}: an agent's own session and custom state. Answered
 * asynchronously, so that an injected latency holds no request thread.
 */
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
  public void signIn(String body, @Suspended AsyncResponse out) {
    signIn(body, SignInKind.LOGIN, out);
  }

  @PUT
  @Path("forcelogin")
  public void forceSignIn(String body, @Suspended AsyncResponse out) {
    signIn(body, SignInKind.FORCE, out);
  }

  @PUT
  @Path("loginex")
  public void platformSignIn(String body, @Suspended AsyncResponse out) {
    signIn(body, SignInKind.LOGINEX, out);
  }

  private void signIn(String body, SignInKind kind, AsyncResponse out) {
    exclusive(
        kind.logName(),
        "session",
        Retcodes.SIGNIN_IN_PROGRESS,
        (gateway, id) -> gateway.signIn(id, Json.readObject(body), kind),
        out);
  }

  @DELETE
  @Path("logout")
  public void signOut(@Suspended AsyncResponse out) {
    Credentials credentials = credentials();
    exclusive(
        "logout",
        "session",
        Retcodes.REPEATED_CALL,
        (gateway, id) -> gateway.signOut(id, credentials, false),
        out);
  }

  @DELETE
  @Path("forcelogout")
  public void forceSignOut(@Suspended AsyncResponse out) {
    Credentials credentials = credentials();
    exclusive(
        "forceLogout",
        "session",
        Retcodes.REPEATED_CALL,
        (gateway, id) -> gateway.signOut(id, credentials, true),
        out);
  }

  @PUT
  @Path("updateGuid")
  public void updateGuid(@Suspended AsyncResponse out) {
    Credentials credentials = credentials();
    call("updateGuid", (gateway, id) -> gateway.updateGuid(id, credentials), out);
  }

  @POST
  @Path("setcustomstate")
  public void setCustomState(
      @QueryParam("customstate") String customState, @Suspended AsyncResponse out) {
    Credentials credentials = credentials();
    exclusive(
        "setCustomState",
        "setCustomState",
        Retcodes.REPEATED_CALL,
        (gateway, id) -> gateway.setCustomState(id, credentials, customState),
        out);
  }

  @GET
  @Path("querycustomstate")
  public void queryCustomState(@Suspended AsyncResponse out) {
    Credentials credentials = credentials();
    call("queryCustomState", (gateway, id) -> gateway.queryCustomState(id, credentials), out);
  }

  @POST
  @Path("cancelsetcustomstate")
  public void cancelCustomState(@Suspended AsyncResponse out) {
    Credentials credentials = credentials();
    call("cancelSetCustomState", (gateway, id) -> gateway.cancelCustomState(id, credentials), out);
  }

  @GET
  @Path("agentstatus")
  public void agentStatus(@Suspended AsyncResponse out) {
    Credentials credentials = credentials();
    call("getAgentStatus", (gateway, id) -> gateway.agentStatus(id, credentials), out);
  }

  @GET
  @Path("agentskillsbyworkno/{workno}")
  public void skillsByWorkNo(@PathParam("workno") String workNo, @Suspended AsyncResponse out) {
    Credentials credentials = credentials();
    call(
        "agentSkillsByWorkNo",
        (gateway, id) -> gateway.skillsByWorkNo(id, credentials, workNo),
        out);
  }

  private Credentials credentials() {
    return new Credentials(guid, cookie);
  }

  /** A call that excludes a second one of the same {@code key} for the agent while it runs. */
  private void exclusive(
      String operation,
      String key,
      String busyRetcode,
      BiFunction<Gateway, Integer, Reply> body,
      AsyncResponse out) {
    Integer id = Gateway.agentId(agentId);
    if (id == null) {
      call(operation, body, out);
      return;
    }
    Gateway gateway = simulator.gateway();
    simulator
        .responder()
        .answerExclusive(
            Incoming.of(request),
            operation,
            id,
            key,
            busyRetcode,
            gateway.inFlight(),
            () -> body.apply(gateway, id),
            out);
  }

  private void call(String operation, BiFunction<Gateway, Integer, Reply> body, AsyncResponse out) {
    GatewayCalls.answer(simulator, request, agentId, operation, body, out);
  }
}
