package io.statedesk.simulator.resource;

import io.statedesk.simulator.Simulator;
import io.statedesk.simulator.control.FaultConfig;
import io.statedesk.simulator.control.Recorder;
import io.statedesk.simulator.gateway.Gateway;
import io.statedesk.simulator.gateway.GatewaySettings;
import io.statedesk.simulator.gateway.SessionControl;
import io.statedesk.simulator.world.World;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The control API ({@code /agentgateway/simulator/...}); examples in docs/src/simulator.md.
 * Ordinary HTTP statuses: 400 with {@code {"error": "..."}} for bad input, 404 for an unknown
 * agent.
 */
@Path("simulator")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ControlResource {

  @Inject Simulator simulator;

  /** Settings, world size, sessions, faults and request totals. */
  @GET
  @Path("status")
  public Map<String, Object> status() {
    Gateway gateway = simulator.gateway();
    Map<String, Object> status = new LinkedHashMap<>();
    status.put("settings", gateway.settings());
    status.put("agents", gateway.world().agents().size() - 1);
    status.put("groups", gateway.world().groups());
    status.put("firstWorkNo", World.FIRST_WORK_NO);
    status.put("directoryAccount", World.DIRECTORY_ACCOUNT);
    status.put("passwordRule", "Sim#<work number>");
    status.put("sessions", gateway.control().sessionCount());
    status.put("faults", simulator.faults().config());
    status.put("requests", simulator.recorder().total());
    status.put("connections", simulator.recorder().distinctConnections());
    return status;
  }

  @GET
  @Path("settings")
  public GatewaySettings settings() {
    return simulator.gateway().settings();
  }

  /**
   * Replaces the gateway settings (auth mode, Guid interval and timeout, MAXTIME, poll wait, LB
   * cookie).
   */
  @PUT
  @Path("settings")
  public Response updateSettings(GatewaySettings settings) {
    if (settings == null) {
      return bad("a JSON body with the settings is required");
    }
    try {
      simulator.gateway().updateSettings(settings);
    } catch (IllegalArgumentException e) {
      return bad(e.getMessage());
    }
    return Response.ok(simulator.gateway().settings()).build();
  }

  @GET
  @Path("faults")
  public FaultConfig faults() {
    return simulator.faults().config();
  }

  /** Replaces the fault configuration; missing fields take the fault-free defaults' values. */
  @PUT
  @Path("faults")
  public Response configureFaults(FaultConfig faults) {
    if (faults == null) {
      return bad("a JSON body with the fault configuration is required");
    }
    try {
      simulator.faults().configure(faults);
    } catch (IllegalArgumentException e) {
      return bad(e.getMessage());
    }
    return Response.ok(simulator.faults().config()).build();
  }

  /** Back to fault-free. */
  @DELETE
  @Path("faults")
  public FaultConfig clearFaults() {
    simulator.faults().configure(FaultConfig.none());
    return simulator.faults().config();
  }

  /** The recorded calls, oldest first, filtered by agent and operation. */
  @GET
  @Path("requests")
  public List<Recorder.Call> requests(
      @QueryParam("agent") Integer agent,
      @QueryParam("operation") String operation,
      @QueryParam("after") @DefaultValue("0") long after,
      @QueryParam("limit") @DefaultValue("1000") int limit) {
    return simulator
        .recorder()
        .calls(agent, operation, after, Math.max(1, Math.min(limit, 100_000)));
  }

  /** Counts per operation and retcode, total calls and distinct client connections. */
  @GET
  @Path("requests/summary")
  public Map<String, Object> summary() {
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("total", simulator.recorder().total());
    summary.put("connections", simulator.recorder().distinctConnections());
    summary.put("counts", simulator.recorder().counts());
    return summary;
  }

  @DELETE
  @Path("requests")
  public Response clearRequests() {
    simulator.recorder().clear();
    return Response.noContent().build();
  }

  /**
   * What the gateway knows of an agent: signed in (and by whom), state, custom state. Never a Guid.
   */
  @GET
  @Path("agents/{workNo}")
  public Response agent(@PathParam("workNo") int workNo) {
    SessionControl.AgentView view = simulator.gateway().control().view(workNo);
    return view == null ? notFound(workNo) : Response.ok(view).build();
  }

  /** Another desktop signs the agent in: the console's sign-in then gets 100-002. */
  @POST
  @Path("agents/{workNo}/elsewhere")
  public Response signInElsewhere(@PathParam("workNo") int workNo) {
    return onAgent(
        workNo, () -> simulator.gateway().control().signInElsewhere(workNo, Gateway.IDLE));
  }

  /**
   * Another desktop takes the agent's session by forced sign-in: the previous holder's Guid stops
   * working (100-006) and the console's plain sign-in then gets 100-002. Not counted in {@code
   * stats}, which counts the calls the gateway received.
   */
  @POST
  @Path("agents/{workNo}/forcelogin")
  public Response forceSignInElsewhere(@PathParam("workNo") int workNo) {
    return signInElsewhere(workNo);
  }

  /** The desktop holding the agent's session elsewhere signs out; nothing if none holds it. */
  @POST
  @Path("agents/{workNo}/release")
  public Response release(@PathParam("workNo") int workNo) {
    return onAgent(workNo, () -> simulator.gateway().control().releaseElsewhere(workNo));
  }

  /**
   * Unbounded counters (the request record is bounded): sign-ins per agent and interface, calls
   * refused for a stale or foreign Guid per interface and per agent.
   */
  @GET
  @Path("stats")
  public Map<String, Object> stats() {
    return simulator.gateway().stats().snapshot();
  }

  @DELETE
  @Path("stats")
  public Response clearStats() {
    simulator.gateway().stats().clear();
    return Response.noContent().build();
  }

  /**
   * The agent presses "ready" at its phone: a signed-in agent becomes idle and its poller hears of
   * it ({@code AgentState_Ready}); an agent without a session stays signed out. Simulated life
   * changes 5 % of the states every 5 s, so a test that needs an idle agent makes one.
   */
  @POST
  @Path("agents/{workNo}/ready")
  public Response ready(@PathParam("workNo") int workNo) {
    return onAgent(workNo, () -> simulator.gateway().control().ready(workNo));
  }

  /** Ends the agent's session as an idle sign-out or an inspector's forced sign-out would. */
  @POST
  @Path("agents/{workNo}/signout")
  public Response signOut(@PathParam("workNo") int workNo) {
    return onAgent(workNo, () -> simulator.gateway().control().endSession(workNo));
  }

  /**
   * Signs everybody out, clears faults, the record and the stats, re-seeds the sessions held
   * elsewhere.
   */
  @POST
  @Path("reset")
  public Map<String, Object> reset() {
    simulator.reset();
    return status();
  }

  /** Runs a control action on an agent of the world and answers its view; 404 if none. */
  private Response onAgent(int workNo, Runnable action) {
    if (simulator.gateway().world().agent(workNo) == null) {
      return notFound(workNo);
    }
    action.run();
    return Response.ok(simulator.gateway().control().view(workNo)).build();
  }

  private static Response bad(String message) {
    return Response.status(Response.Status.BAD_REQUEST).entity(Map.of("error", message)).build();
  }

  private static Response notFound(int workNo) {
    return Response.status(Response.Status.NOT_FOUND)
        .entity(Map.of("error", "no agent " + workNo + " in the simulated world"))
        .build();
  }
}
