package io.statedesk.simulator;

import io.statedesk.simulator.control.FaultConfig;
import io.statedesk.simulator.control.Faults;
import io.statedesk.simulator.control.Recorder;
import io.statedesk.simulator.gateway.Gateway;
import io.statedesk.simulator.gateway.GatewaySettings;
import io.statedesk.simulator.http.Responder;
import io.statedesk.simulator.world.Agent;
import io.statedesk.simulator.world.World;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
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

  /**
   * Makes the threads of {@link #scheduler}. Why not the container's managed scheduled executor:
   * every task there is wrapped to carry the caller's context and a cancelled one stays queued
   * until it falls due, and the simulator schedules one task per delayed answer and per held poll
   * (10,000 held polls are cancelled and scheduled again every few seconds): it must cost the
   * benchmarks nothing (issue 20).
   */
  @Resource ManagedThreadFactory threads;

  private ScheduledThreadPoolExecutor scheduler;

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

  @Inject
  @ConfigProperty(name = "simulator.require-phonenum", defaultValue = "true")
  boolean requirePhoneNumber;

  private Gateway gateway;
  private final Faults faults = new Faults();
  private final Recorder recorder = new Recorder();
  private final Random random = new Random();
  private Responder responder;
  private final List<ScheduledFuture<?>> housekeeping = new ArrayList<>();

  /** Builds the world and starts housekeeping; called once by {@link SimulatorStartup}. */
  public synchronized void start() {
    if (gateway != null) {
      return;
    }
    scheduler = new ScheduledThreadPoolExecutor(2, threads);
    scheduler.setRemoveOnCancelPolicy(true);
    World world = new World(agents, groups, seed);
    GatewaySettings settings =
        new GatewaySettings(
            authMode, guidIntervalMs, guidTimeoutMs, maxIdleMs, pollWaitMs, lbCookie, nodes);
    gateway = new Gateway(world, settings, System::currentTimeMillis, scheduler);
    gateway.requirePhoneNumber(requirePhoneNumber);
    responder = new Responder(faults, recorder, scheduler, System::currentTimeMillis);
    seedElsewhere();
    housekeeping.add(
        scheduler.scheduleWithFixedDelay(gateway.control()::sweep, 1, 1, TimeUnit.SECONDS));
    if (activityPeriodMs > 0) {
      housekeeping.add(
          scheduler.scheduleWithFixedDelay(
              () -> gateway.control().activity(random, activityShare),
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
                + gateway.control().sessionCount()
                + " signed in elsewhere; passwords follow Sim#<work number>");
  }

  /** Gives the seeded share of agents a session held by "another desktop". */
  void seedElsewhere() {
    Random seeded = new Random(seed + 1);
    int[] states = {Gateway.IDLE, Gateway.IDLE, Gateway.TALKING, Gateway.BUSY, Gateway.WORK};
    for (Agent agent : gateway.world().agents()) {
      if (agent.workNo() != World.DIRECTORY_ACCOUNT && seeded.nextDouble() < elsewhereShare) {
        gateway.control().signInElsewhere(agent.workNo(), states[seeded.nextInt(states.length)]);
      }
    }
  }

  @PreDestroy
  void stop() {
    housekeeping.forEach(f -> f.cancel(false));
    if (scheduler != null) {
      scheduler.shutdownNow();
    }
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
    gateway().control().reset();
    faults.configure(FaultConfig.none());
    recorder.clear();
    gateway().stats().clear();
    seedElsewhere();
  }

  /** Answers the gateway calls: content type, faults, record. */
  public Responder responder() {
    start();
    return responder;
  }
}
