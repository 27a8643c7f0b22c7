package io.statedesk.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import io.statedesk.core.gateway.GatewayRecords.SignInRequest;
import io.statedesk.core.testing.Control;
import io.statedesk.core.testing.SimulatorServer;
import io.statedesk.testkit.JsonFields;
import io.statedesk.testkit.PayaraMicro;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The real client against the real simulator on Payara Micro. */
class GatewayClientIT {

  static final int AGENT = 10001;
  static final int OTHER = 10002;

  GatewayClient client;

  @BeforeEach
  void setUp() {
    Control.reset(2, 60_000, 120_000, 120_000, 1_000);
    client =
        new GatewayClient(
            GatewayConfig.of(SimulatorServer.gatewayUrl())
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(4)));
  }

  @AfterEach
  void tearDown() {
    client.close();
  }

  GatewayAuth signIn(int agent) {
    return client
        .signIn(agent, new SignInRequest("Sim#" + agent, "7" + agent, 4), SignInMode.LOGINEX)
        .auth();
  }

  @Test
  void signInSetQueryCancelAndStatus() {
    GatewayAuth auth = signIn(AGENT);
    assertThat(auth.guid()).endsWith(".AgentGateway" + (AGENT % 2));
    assertThat(client.queryCustomState(auth)).isEmpty();
    client.setCustomState(auth, new CustomState(301));
    assertThat(client.queryCustomState(auth)).contains(new CustomState(301));
    client.cancelCustomState(auth);
    assertThat(client.queryCustomState(auth)).isEmpty();
    assertThat(client.agentStatus(auth).state()).isEqualTo(GatewayState.IDLE);
  }

  @Test
  void rejectionsCarryRetcodeAndClass() {
    assertThat(
            rejection(
                () ->
                    client.signIn(
                        AGENT, new SignInRequest("wrong", "7" + AGENT, 4), SignInMode.LOGIN)))
        .isEqualTo(Retcodes.of("100-004"));
    GatewayAuth auth = signIn(AGENT);
    GatewayAuth other = signIn(OTHER);
    assertThat(
            rejection(
                    () ->
                        client.signIn(
                            AGENT,
                            new SignInRequest("Sim#" + AGENT, "7" + AGENT, 4),
                            SignInMode.LOGIN))
                .retcodeClass())
        .isEqualTo(RetcodeClass.AGENT_STATE);
    assertThat(rejection(() -> client.cancelCustomState(auth)).retcodeClass())
        .isEqualTo(RetcodeClass.AGENT_STATE);
    assertThat(
            rejection(() -> client.queryCustomState(new GatewayAuth(AGENT, other.guid(), null)))
                .code())
        .isEqualTo("000-003");
    client.signOut(auth, true);
    GatewayRejectedException stale =
        catchRejection(() -> client.setCustomState(auth, new CustomState(5)));
    assertThat(stale.retcodeClass()).isEqualTo(RetcodeClass.STALE_SESSION);
    assertThat(stale.getMessage()).contains("100-006").doesNotContain(auth.guid());
  }

  @Test
  void everyFaultKindMapsToItsClass() {
    GatewayAuth auth = signIn(AGENT);
    Control.faults(
        "{\"failureShare\":1.0,\"failureRetcodes\":[\"100-007\"],\"operations\":[\"setCustomState\"]}");
    assertThat(catchRejection(() -> client.setCustomState(auth, new CustomState(1))).isRetryable())
        .isTrue();
    Control.faults(
        "{\"failureShare\":1.0,\"failureRetcodes\":[\"000-004\"],\"operations\":[\"setCustomState\"]}");
    assertThat(catchRejection(() -> client.setCustomState(auth, new CustomState(1))).retcodeClass())
        .isEqualTo(RetcodeClass.TRANSIENT);
    Control.faults(
        "{\"failingAgents\":{\"" + AGENT + "\":\"100-009\"},\"operations\":[\"setCustomState\"]}");
    assertThat(catchRejection(() -> client.setCustomState(auth, new CustomState(1))).isRetryable())
        .isFalse();

    Control.faults(
        "{\"httpErrorShare\":1.0,\"httpStatus\":503,\"retryAfterSeconds\":2,\"operations\":[\"setCustomState\"]}");
    GatewayUnavailableException http =
        catchUnavailable(() -> client.setCustomState(auth, new CustomState(1)));
    assertThat(http.kind()).isEqualTo(GatewayUnavailableException.Kind.HTTP_STATUS);
    assertThat(http.httpStatus()).isEqualTo(503);
    assertThat(http.retryAfter()).contains(Duration.ofSeconds(2));
    assertThat(http.isRetryable()).isTrue();

    Control.faults(
        "{\"httpErrorShare\":1.0,\"httpStatus\":429,\"operations\":[\"setCustomState\"]}");
    assertThat(catchUnavailable(() -> client.setCustomState(auth, new CustomState(1))).httpStatus())
        .isEqualTo(429);

    // A hanging call stays "in progress" at the gateway (a repeat would get 000-007), so hang a
    // read-only interface that later tests do not repeat.
    Control.faults("{\"hangShare\":1.0,\"hangMs\":6000,\"operations\":[\"getAgentStatus\"]}");
    assertThat(catchUnavailable(() -> client.agentStatus(auth)).kind())
        .isEqualTo(GatewayUnavailableException.Kind.TIMEOUT);

    Control.faults("{\"latencyMs\":300,\"operations\":[\"queryCustomState\"]}");
    long start = System.nanoTime();
    assertThat(client.queryCustomState(auth)).isEmpty();
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(300);
    Control.call("DELETE", "faults", null);
  }

  @Test
  void unreachableGatewayAndNonJsonAnswersAreTyped() throws Exception {
    try (GatewayClient nowhere =
        new GatewayClient(
            GatewayConfig.of(
                "http://localhost:" + PayaraMicro.freePort() + "/agentgateway/resource"))) {
      assertThat(
              catchUnavailable(
                      () ->
                          nowhere.signIn(AGENT, new SignInRequest("x", null, 4), SignInMode.LOGIN))
                  .kind())
          .isEqualTo(GatewayUnavailableException.Kind.CONNECT);
    }
    HttpServer html = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
    html.createContext(
        "/",
        exchange -> {
          byte[] body = "<html><body>Maintenance</body></html>".getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "text/html");
          exchange.sendResponseHeaders(200, body.length);
          exchange.getResponseBody().write(body);
          exchange.close();
        });
    html.start();
    try (GatewayClient proxy =
        new GatewayClient(
            GatewayConfig.of(
                "http://localhost:" + html.getAddress().getPort() + "/agentgateway/resource"))) {
      GatewayUnavailableException e =
          catchUnavailable(() -> proxy.queryCustomState(new GatewayAuth(AGENT, "x", null)));
      assertThat(e.kind()).isEqualTo(GatewayUnavailableException.Kind.BAD_RESPONSE);
      assertThat(e.getMessage()).contains("<html>");
    } finally {
      html.stop(0);
    }
  }

  @Test
  void outOfRangeInputIsRefusedBeforeSending() {
    GatewayAuth auth = signIn(AGENT);
    // a state out of range cannot even be built, so it never reaches the client
    assertThatThrownBy(() -> client.setCustomState(auth, new CustomState(65535)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A custom state is 0..65534");
    assertThatThrownBy(
            () -> client.setCustomState(new GatewayAuth(100, "x", null), new CustomState(1)))
        .isInstanceOf(InvalidGatewayRequestException.class)
        .hasMessageContaining("agent id must be 101..999999");
  }

  @Test
  void pollDeliversEventsAndRotatedGuids() {
    Control.reset(2, 1_000, 3_000, 10_000, 500);
    GatewayAuth auth = signIn(AGENT);
    assertThat(client.poll(auth).event())
        .hasValueSatisfying(e -> assertThat(e.type()).isEqualTo("AgentOther_InService"));
    Optional<String> rotated = Optional.empty();
    long deadline = System.currentTimeMillis() + 5_000;
    while (rotated.isEmpty() && System.currentTimeMillis() < deadline) {
      rotated = client.poll(auth).rotatedGuid();
    }
    assertThat(rotated).hasValueSatisfying(g -> assertThat(g).isNotEqualTo(auth.guid()));
    client.setCustomState(new GatewayAuth(AGENT, rotated.get(), null), new CustomState(9));
  }

  /**
   * {@code updateGuid} over both transports: a new Guid from the body, the one sent still valid in
   * the grace period, the custom state kept (same session); a Guid the gateway no longer knows is
   * refused as a stale session.
   */
  @Test
  void updateGuidRotatesWithinTheSessionOverEitherTransport() {
    GatewayAuth auth = signIn(AGENT);
    client.setCustomState(auth, new CustomState(4242));
    for (GatewayConfig.PollTransport transport : GatewayConfig.PollTransport.values()) {
      try (GatewayClient over = new GatewayClient(client.config().withPollTransport(transport))) {
        String fresh = join(over.updateGuidAsync(auth));
        assertThat(fresh).as(transport.name()).isNotEqualTo(auth.guid());
        GatewayAuth next = new GatewayAuth(AGENT, fresh, null);
        assertThat(over.queryCustomState(next))
            .as(transport.name())
            .contains(new CustomState(4242));
        assertThat(over.queryCustomState(auth))
            .as("grace, " + transport)
            .contains(new CustomState(4242));
        auth = next;
      }
    }
    client.signOut(auth, true);
    GatewayAuth gone = auth;
    assertThat(catchRejection(() -> join(client.updateGuidAsync(gone))).retcodeClass())
        .isEqualTo(RetcodeClass.STALE_SESSION);
  }

  @Test
  void manyCallsReuseAFewConnections() {
    GatewayAuth auth = signIn(AGENT);
    Control.call("DELETE", "requests", null);
    for (int i = 0; i < 100; i++) {
      client.setCustomState(auth, new CustomState(i));
    }
    String summary = Control.call("GET", "requests/summary", null);
    int connections = (int) JsonFields.number(summary, "connections");
    assertThat(connections)
        .as("100 calls on " + connections + " connections")
        .isLessThanOrEqualTo(3);
  }

  @Test
  void directoryQueries() {
    GatewayAuth directory = signIn(999001);
    assertThat(client.groups(directory))
        .hasSize(4)
        .first()
        .satisfies(g -> assertThat(g.name()).isEqualTo("Billing"));
    assertThat(client.agentsOfGroup(directory, 1))
        .hasSize(500)
        .allSatisfy(a -> assertThat(a.groupId()).isEqualTo(1));
    assertThat(client.agent(directory, new AgentId(AGENT)).name()).isNotBlank();
    assertThat(client.skillsOf(directory, new AgentId(AGENT))).isNotEmpty();
  }

  static Retcode rejection(Runnable call) {
    return catchRejection(call).retcode();
  }

  /** The value, or the gateway's typed failure as the blocking calls throw it. */
  static <T> T join(CompletionStage<T> pending) {
    try {
      return pending.toCompletableFuture().join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof GatewayException g) {
        throw g;
      }
      throw e;
    }
  }

  static GatewayRejectedException catchRejection(Runnable call) {
    try {
      call.run();
    } catch (GatewayRejectedException e) {
      return e;
    }
    throw new AssertionError("expected a rejection");
  }

  static GatewayUnavailableException catchUnavailable(Runnable call) {
    try {
      call.run();
    } catch (GatewayUnavailableException e) {
      return e;
    }
    throw new AssertionError("expected the gateway to be unavailable");
  }
}
