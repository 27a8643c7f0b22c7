package io.statedesk.core.session;

import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.gateway.GatewayConfig;
import io.statedesk.core.testing.Control;
import io.statedesk.core.testing.SimulatorServer;
import jakarta.json.Json;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Hosted sessions against the simulator on Payara Micro: the pool, its client and threads, built
 * per test, and the simulator's view of the sign-ins. Why a base class: the pool's tests against
 * the simulator are two classes (sessions across rotations and losses; take-overs and credentials),
 * each short enough to read in one sitting, on this one world.
 */
abstract class PoolOnSimulator {

  static final Set<Integer> AGENTS =
      IntStream.rangeClosed(10101, 10120).boxed().collect(Collectors.toSet());

  /** The simulator's agents: password {@code Sim#id}, phone number 7 + id. */
  static final HostedCredentials SIM_CREDENTIALS =
      HostedCredentials.patterns("Sim#{agent}", Optional.of("7{agent}"));

  ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
  ExecutorService signIns = Executors.newFixedThreadPool(4);
  GatewayClient client;
  InMemorySessionStore store = new InMemorySessionStore();
  HostedSessionPool pool;

  @BeforeEach
  void setUp() {
    Control.reset(2, 1_000, 2_500, 4_000, 800);
    client =
        new GatewayClient(
            GatewayConfig.of(SimulatorServer.gatewayUrl())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(5)));
  }

  @AfterEach
  void tearDown() {
    if (pool != null) {
      pool.close();
    }
    scheduler.shutdownNow();
    signIns.shutdownNow();
    client.close();
  }

  HostedSessionPool pool(Set<Integer> agents, boolean force) {
    return pool(agents, force, SIM_CREDENTIALS);
  }

  HostedSessionPool pool(Set<Integer> agents, boolean force, HostedCredentials credentials) {
    pool =
        new HostedSessionPool(
            client,
            store,
            new PoolThreads(PoolTimer.of(scheduler), signIns, SignInThrottle.perSecond(200)),
            PoolFixtures.settings(agents, force, 200, Duration.ofMillis(100), true),
            credentials,
            Clock.systemUTC());
    return pool;
  }

  /** Sign-ins that created a session, per interface, for one agent (simulator stats). */
  static Map<String, Integer> signIns(int agent) {
    try (var reader = Json.createReader(new StringReader(Control.stats()))) {
      JsonObject all = reader.readObject().getJsonObject("signIns");
      JsonObject of = all == null ? null : all.getJsonObject(Integer.toString(agent));
      Map<String, Integer> counts = new TreeMap<>();
      if (of != null) {
        of.forEach((k, v) -> counts.put(k, ((JsonNumber) v).intValue()));
      }
      return counts;
    }
  }

  static void await(BooleanSupplier condition, int seconds) {
    Awaitility.await()
        .pollInterval(Duration.ofMillis(50))
        .atMost(Duration.ofSeconds(seconds))
        .until(condition::getAsBoolean);
  }
}
