package io.statedesk.simulator;

import io.statedesk.simulator.control.Faults;
import io.statedesk.simulator.control.Recorder;
import io.statedesk.simulator.gateway.ContentTypes;
import io.statedesk.simulator.gateway.Gateway;
import io.statedesk.simulator.gateway.GatewaySettings;
import io.statedesk.simulator.gateway.Guids;
import io.statedesk.simulator.gateway.Reply;
import io.statedesk.simulator.gateway.Retcodes;
import io.statedesk.simulator.world.Agent;
import io.statedesk.simulator.world.World;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The running simulator: the {@link Gateway}, its fault injection and request record, built from
 * MicroProfile Config ({@code simulator.*}, documented in docs/src/simulator.md) when the WAR
 * starts.
 */
@ApplicationScoped
public class Simulator {

  private static final Logger LOG = Logger.getLogger(Simulator.class.getName());

  @Resource ManagedScheduledExecutorService scheduler;

  @Inject
  @ConfigProperty(name = "simulator.agents", defaultValue = "300")
  int agents;

  @Inject
  @ConfigProperty(name = "simulator.groups", defaultValue = "6")
  int groups;

  @Inject
  @ConfigProperty(name = "simulator.seed", defaultValue = "42")
  long seed;

  @Inject
  @ConfigProperty(name = "simulator.auth-mode", defaultValue = "2")
  int authMode;

  @Inject
  @ConfigProperty(name = "simulator.guid-interval-ms", defaultValue = "60000")
  long guidIntervalMs;

  @Inject
  @ConfigProperty(name = "simulator.guid-timeout-ms", defaultValue = "120000")
  long guidTimeoutMs;

  @Inject
  @ConfigProperty(name = "simulator.max-idle-ms", defaultValue = "120000")
  long maxIdleMs;

  @Inject
  @ConfigProperty(name = "simulator.poll-wait-ms", defaultValue = "10000")
  long pollWaitMs;

  @Inject
  @ConfigProperty(name = "simulator.lb-cookie", defaultValue = "false")
  boolean lbCookie;

  @Inject
  @ConfigProperty(name = "simulator.nodes", defaultValue = "2")
  int nodes;

  @Inject
  @ConfigProperty(name = "simulator.signed-in-elsewhere-share", defaultValue = "0.05")
  double elsewhereShare;

  @Inject
  @ConfigProperty(name = "simulator.activity-period-ms", defaultValue = "5000")
  long activityPeriodMs;

  @Inject
  @ConfigProperty(name = "simulator.activity-share", defaultValue = "0.05")
  double activityShare;

  private Gateway gateway;
  private final Faults faults = new Faults();
  private final Recorder recorder = new Recorder();
  private final Random random = new Random();
  private final List<ScheduledFuture<?>> housekeeping = new ArrayList<>();

  /** Builds the world and starts housekeeping; called once by {@link SimulatorStartup}. */
  public synchronized void start() {
    if (gateway != null) {
      return;
    }
    World world = new World(agents, groups, seed);
    GatewaySettings settings =
        new GatewaySettings(
            authMode, guidIntervalMs, guidTimeoutMs, maxIdleMs, pollWaitMs, lbCookie, nodes);
    gateway = new Gateway(world, settings, System::currentTimeMillis, scheduler);
    seedElsewhere();
    housekeeping.add(scheduler.scheduleWithFixedDelay(gateway::sweep, 1, 1, TimeUnit.SECONDS));
    if (activityPeriodMs > 0) {
      housekeeping.add(
          scheduler.scheduleWithFixedDelay(
              () -> gateway.activity(random, activityShare),
              activityPeriodMs,
              activityPeriodMs,
              TimeUnit.MILLISECONDS));
    }
    LOG.info(
        () ->
            "CC-Gateway simulator: "
                + agents
                + " agents in "
                + groups
                + " groups, AUTHMODE "
                + authMode
                + ", "
                + gateway.sessionCount()
                + " signed in elsewhere; passwords follow Sim#<work number>");
  }

  /** Gives the seeded share of agents a session held by "another desktop". */
  void seedElsewhere() {
    Random seeded = new Random(seed + 1);
    int[] states = {Gateway.IDLE, Gateway.IDLE, Gateway.TALKING, Gateway.BUSY, Gateway.WORK};
    for (Agent agent : gateway.world().agents()) {
      if (agent.workNo() != World.DIRECTORY_ACCOUNT && seeded.nextDouble() < elsewhereShare) {
        gateway.signInElsewhere(agent.workNo(), states[seeded.nextInt(states.length)]);
      }
    }
  }

  @PreDestroy
  void stop() {
    housekeeping.forEach(f -> f.cancel(false));
  }

  public Gateway gateway() {
    start();
    return gateway;
  }

  public Faults faults() {
    return faults;
  }

  public Recorder recorder() {
    return recorder;
  }

  /**
   * Back to the seeded state: sessions, faults, the record and the stats cleared,
   * elsewhere-sessions re-seeded.
   */
  public synchronized void reset() {
    gateway().reset();
    faults.configure(io.statedesk.simulator.control.FaultConfig.none());
    recorder.clear();
    gateway().stats().clear();
    seedElsewhere();
  }

  // ---------------------------------------------------------------------- answering requests

  /**
   * Answers one gateway call: applies the configured fault, runs the call, records it.
   *
   * @param operation the gateway log name, e.g. {@code setCustomState}
   */
  public Response answer(
      HttpServletRequest request, String operation, int agentId, Supplier<Reply> call) {
    if (!ContentTypes.acceptable(request.getContentType())) {
      return respond(request, operation, agentId, Reply.error(Retcodes.BAD_PARAMETER));
    }
    Response fault = applyFault(request, operation, agentId);
    if (fault != null) {
      return fault;
    }
    return respond(request, operation, agentId, call.get());
  }

  /**
   * Like {@link #answer}, while {@code key} is marked in progress for the agent (faults and latency
   * included, as a slow gateway would hold it); a second call meanwhile gets {@code busyRetcode}.
   */
  public Response answerExclusive(
      HttpServletRequest request,
      String operation,
      int agentId,
      String key,
      String busyRetcode,
      Supplier<Reply> call) {
    if (!ContentTypes.acceptable(request.getContentType())) {
      return respond(request, operation, agentId, Reply.error(Retcodes.BAD_PARAMETER));
    }
    Gateway gateway = gateway();
    if (!gateway.tryEnter(agentId, key)) {
      return respond(request, operation, agentId, Reply.error(busyRetcode));
    }
    try {
      return answer(request, operation, agentId, call);
    } finally {
      gateway.exit(agentId, key);
    }
  }

  /** Like {@link #answer} for the long poll, whose answer may come later on another thread. */
  public void answerLater(
      HttpServletRequest request,
      String operation,
      int agentId,
      Consumer<Consumer<Reply>> call,
      Consumer<Response> resume) {
    if (!ContentTypes.acceptable(request.getContentType())) {
      resume.accept(respond(request, operation, agentId, Reply.error(Retcodes.BAD_PARAMETER)));
      return;
    }
    Response fault = applyFault(request, operation, agentId);
    if (fault != null) {
      resume.accept(fault);
      return;
    }
    String method = request.getMethod();
    String guid = Guids.mask(request.getHeader("guid"));
    String query = request.getQueryString();
    String connection = connectionOf(request);
    call.accept(
        reply -> {
          recorder.record(
              method, operation, agentId, guid, reply.retcode(), 200, query, connection, now());
          resume.accept(toResponse(reply));
        });
  }

  /** A request the gateway has no interface for: HTTP 200 with 000-002 (section 11). */
  public Response unknown(HttpServletRequest request) {
    return respond(request, "unknown", 0, Reply.error("000-002"));
  }

  private Response respond(HttpServletRequest request, String operation, int agentId, Reply reply) {
    recorder.record(
        request.getMethod(),
        operation,
        agentId,
        Guids.mask(request.getHeader("guid")),
        reply.retcode(),
        200,
        request.getQueryString(),
        connectionOf(request),
        now());
    return toResponse(reply);
  }

  private Response applyFault(HttpServletRequest request, String operation, int agentId) {
    var outcome = faults.decide(operation, agentId, random);
    if (outcome instanceof io.statedesk.simulator.control.Faults.Outcome.Hang hang) {
      sleep(hang.holdMs());
      return null;
    }
    if (outcome instanceof io.statedesk.simulator.control.Faults.Outcome.Proceed proceed) {
      sleep(proceed.delayMs());
      return null;
    }
    if (outcome instanceof io.statedesk.simulator.control.Faults.Outcome.Retcode failure) {
      sleep(failure.delayMs());
      return respond(request, operation, agentId, Reply.error(failure.retcode()));
    }
    var http = (io.statedesk.simulator.control.Faults.Outcome.HttpError) outcome;
    sleep(http.delayMs());
    recorder.record(
        request.getMethod(),
        operation,
        agentId,
        Guids.mask(request.getHeader("guid")),
        "",
        http.status(),
        request.getQueryString(),
        connectionOf(request),
        now());
    Response.ResponseBuilder builder =
        Response.status(http.status())
            .type(MediaType.TEXT_HTML_TYPE)
            .entity("<html><body><h1>" + http.status() + "</h1>Service unavailable</body></html>");
    if (http.retryAfterSeconds() > 0) {
      builder.header("Retry-After", Integer.toString(http.retryAfterSeconds()));
    }
    return builder.build();
  }

  static Response toResponse(Reply reply) {
    Response.ResponseBuilder builder =
        Response.ok(Json.write(reply.body()), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"));
    for (Map.Entry<String, List<String>> header : reply.headers().entrySet()) {
      for (String value : header.getValue()) {
        builder.header(header.getKey(), value);
      }
    }
    return builder.build();
  }

  private static String connectionOf(HttpServletRequest request) {
    return request.getRemoteAddr() + ":" + request.getRemotePort();
  }

  private static long now() {
    return System.currentTimeMillis();
  }

  private static void sleep(long millis) {
    if (millis <= 0) {
      return;
    }
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
