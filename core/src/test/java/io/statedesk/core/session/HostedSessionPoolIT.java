package io.statedesk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.gateway.GatewayConfig;
import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import io.statedesk.core.testing.Control;
import io.statedesk.core.testing.SimulatorServer;
import java.time.Clock;
import java.time.Duration;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Hosted sessions against the simulator on Payara Micro, with fast Guid rotation and MAXTIME. */
class HostedSessionPoolIT {

  static final Set<Integer> AGENTS =
      IntStream.rangeClosed(10101, 10120).boxed().collect(Collectors.toSet());

  /** The simulator's agents: password {@code Sim#id}, phone number 7 + id. */
  static final HostedCredentials SIM_CREDENTIALS =
      HostedCredentials.patterns("Sim#{agent}", Optional.of("7{agent}"));

  ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
  java.util.concurrent.ExecutorService signIns = Executors.newFixedThreadPool(4);
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
    pool =
        new HostedSessionPool(
            client,
            store,
            new PoolThreads(PoolTimer.of(scheduler), signIns, SignInThrottle.perSecond(200)),
            new PoolSettings(
                agents,
                SignInMode.LOGINEX,
                force,
                2,
                200,
                Duration.ofMillis(100),
                Duration.ofMillis(200),
                Duration.ofSeconds(2),
                Duration.ofSeconds(30),
                Duration.ofSeconds(120),
                Duration.ofSeconds(15),
                true),
            SIM_CREDENTIALS,
            Clock.systemUTC());
    return pool;
  }

  @Test
  void sessionsStayUsableAcrossSeveralGuidRotations() throws Exception {
    pool(AGENTS, false).start();
    await(
        () ->
            AGENTS.stream().allMatch(id -> store.get(id).map(SessionEntry::isUsable).orElse(false)),
        10);
    Set<String> firstGuids =
        AGENTS.stream().map(id -> store.get(id).get().handle().guid()).collect(Collectors.toSet());
    Set<String> seen = new HashSet<>();
    long until = System.currentTimeMillis() + 6_000;
    while (System.currentTimeMillis() < until) {
      seen.add(store.get(10101).get().handle().guid());
      Thread.sleep(100);
    }
    assertThat(seen)
        .as("Guids of agent 10101 over 6 s with a 1 s rotation")
        .hasSizeGreaterThanOrEqualTo(3);
    for (int id : AGENTS) {
      AgentHandle handle = store.get(id).orElseThrow().handle();
      assertThat(firstGuids).doesNotContain(handle.guid());
      assertThat(handle.authMode()).isEqualTo(2);
      client.setCustomState(handle.auth(), 7);
      assertThat(client.queryCustomState(handle.auth())).contains(7);
    }
  }

  @Test
  void aSessionEndedAtTheGatewayIsSignedInAgain() throws Exception {
    pool(Set.of(10130), false).start();
    await(() -> store.get(10130).map(SessionEntry::isUsable).orElse(false), 10);
    String before = store.get(10130).get().handle().guid();
    Control.call("POST", "agents/10130/signout", null);
    await(
        () ->
            store
                .get(10130)
                .map(e -> e.isUsable() && !e.handle().guid().equals(before))
                .orElse(false),
        10);
    client.setCustomState(store.get(10130).get().handle().auth(), 11);
  }

  @Test
  void renewGivesAFreshHandleAfterTheGuidWasRefused() throws Exception {
    pool(Set.of(10140), false).start();
    await(() -> store.get(10140).map(SessionEntry::isUsable).orElse(false), 10);
    AgentHandle old = store.get(10140).get().handle();
    Control.call("POST", "agents/10140/signout", null);
    Optional<AgentHandle> fresh = pool.renew(old, Duration.ofSeconds(5));
    assertThat(fresh).hasValueSatisfying(h -> assertThat(h.guid()).isNotEqualTo(old.guid()));
    client.setCustomState(fresh.get().auth(), 12);
  }

  @Test
  void agentsSignedInElsewhereAreReportedNotStolen() throws Exception {
    Control.call("POST", "agents/10150/elsewhere", null);
    pool(Set.of(10150), false).start();
    await(
        () ->
            store
                .get(10150)
                .map(e -> e.note() != null && e.note().contains("elsewhere"))
                .orElse(false),
        10);
    assertThat(store.get(10150).get().availability()).isEqualTo(Availability.NONE);
    assertThat(Control.call("GET", "agents/10150", null)).contains("\"elsewhere\":true");
  }

  @Test
  void forceTakesOverWhenConfigured() throws Exception {
    Control.call("POST", "agents/10151/elsewhere", null);
    pool(Set.of(10151), true).start();
    await(() -> store.get(10151).map(SessionEntry::isUsable).orElse(false), 10);
    assertThat(Control.call("GET", "agents/10151", null)).contains("\"elsewhere\":false");
  }

  @Test
  void stoppingSignsTheAgentsOut() throws Exception {
    pool(Set.of(10160, 10161), false).start();
    await(
        () ->
            store.get(10160).map(SessionEntry::isUsable).orElse(false)
                && store.get(10161).map(SessionEntry::isUsable).orElse(false),
        10);
    pool.close();
    pool = null;
    assertThat(Control.call("GET", "agents/10160", null)).contains("\"signedIn\":false");
    assertThat(store.get(10160)).isEmpty();
  }

  static void await(BooleanSupplier condition, int seconds) throws InterruptedException {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    while (!condition.getAsBoolean()) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("condition not met within " + seconds + " s");
      }
      Thread.sleep(50);
    }
  }
}
