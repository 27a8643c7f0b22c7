package io.statedesk.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.statedesk.core.gateway.GatewayRecords.PollResult;
import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import io.statedesk.core.gateway.GatewayRecords.SignInRequest;
import io.statedesk.core.gateway.GatewayRecords.SignInResult;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client on the wire, against a JDK HTTP server standing in for the gateway: what each
 * transport sends (method, path, query, Guid and cookie headers, body) and what it makes of the
 * answer. The simulator's full behaviour is GatewayClientIT's; this runs without a server.
 */
class GatewayClientTest {

  static final String GUID = "279fe21d-2caa-4437-84c3-ab9e9dae20f5.AgentGateway0";

  /** One request as the stand-in received it. */
  record Seen(String method, String path, String query, String guid, String cookie, String body) {}

  /** The stand-in's next answer. */
  record Reply(Map<String, List<String>> headers, String body) {}

  HttpServer server;
  final List<Seen> seen = new CopyOnWriteArrayList<>();
  volatile Reply reply = new Reply(Map.of(), "{\"retcode\":\"0\",\"message\":\"success\"}");

  @BeforeEach
  void standIn() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/", this::answer);
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  void answer(HttpExchange exchange) throws IOException {
    try {
      seen.add(
          new Seen(
              exchange.getRequestMethod(),
              exchange.getRequestURI().getPath(),
              exchange.getRequestURI().getRawQuery(),
              exchange.getRequestHeaders().getFirst("guid"),
              exchange.getRequestHeaders().getFirst("Cookie"),
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
      Reply next = reply;
      next.headers().forEach((name, values) -> exchange.getResponseHeaders().put(name, values));
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      byte[] body = next.body().getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
    } finally {
      exchange.close();
    }
  }

  GatewayClient client(GatewayConfig.PollTransport transport) {
    return new GatewayClient(
        GatewayConfig.of(
                "http://127.0.0.1:" + server.getAddress().getPort() + "/agentgateway/resource")
            .withPollTransport(transport));
  }

  static final String BASE = "/agentgateway/resource/";

  @Test
  void aSignInSendsItsBodyWithoutAGuidAndKeepsEveryCookie() {
    reply =
        new Reply(
            Map.of(
                "Set-GUID", List.of("JSESSIONID=" + GUID),
                "Set-Cookie", List.of("NSLB_ROUTE=node1; Path=/", "JSESSIONID=abc; HttpOnly")),
            "{\"retcode\":\"0\",\"result\":{\"serverName\":\"AgentGateway\"}}");
    try (GatewayClient client = client(GatewayConfig.PollTransport.JDK)) {
      SignInResult result =
          client.signIn(10001, new SignInRequest("pw", "710001", 4), SignInMode.LOGINEX);
      assertThat(result.auth().guid()).isEqualTo(GUID);
      // HttpURLConnection (under Jersey) lists a repeated header's values last first: order is
      // free in a Cookie header, both must be there
      assertThat(result.auth().cookie().split("; "))
          .containsExactlyInAnyOrder("NSLB_ROUTE=node1", "JSESSIONID=abc");
      assertThat(result.serverName()).isEqualTo("AgentGateway");
    }
    assertThat(seen).hasSize(1);
    Seen login = seen.get(0);
    assertThat(login.method()).isEqualTo("PUT");
    assertThat(login.path()).isEqualTo(BASE + "onlineagent/10001/loginex");
    assertThat(login.guid()).isNull();
    assertThat(GatewayRequestTest.json(login.body()).getString("password")).isEqualTo("pw");
  }

  @Test
  void operationsCarryTheSessionsGuidCookieAndQuery() {
    GatewayAuth auth = new GatewayAuth(10001, GUID, "NSLB_ROUTE=node1");
    try (GatewayClient client = client(GatewayConfig.PollTransport.JDK)) {
      client.setCustomState(auth, new CustomState(301));
      reply = new Reply(Map.of(), "{\"retcode\":\"0\",\"result\":{\"agentcustomstate\":\"301\"}}");
      assertThat(client.queryCustomState(auth)).contains(new CustomState(301));
      reply = new Reply(Map.of(), "{\"retcode\":\"100-006\",\"message\":\"not logged in\"}");
      assertThatThrownBy(() -> client.cancelCustomState(auth))
          .isInstanceOfSatisfying(
              GatewayRejectedException.class,
              e -> assertThat(e.retcodeClass()).isEqualTo(RetcodeClass.STALE_SESSION));
    }
    assertThat(seen)
        .extracting(Seen::method, Seen::path, Seen::query)
        .containsExactly(
            tuple("POST", BASE + "onlineagent/10001/setcustomstate", "customstate=301"),
            tuple("GET", BASE + "onlineagent/10001/querycustomstate", null),
            tuple("POST", BASE + "onlineagent/10001/cancelsetcustomstate", null));
    assertThat(seen)
        .allSatisfy(s -> assertThat(s.guid()).isEqualTo(GUID))
        .allSatisfy(s -> assertThat(s.cookie()).isEqualTo("NSLB_ROUTE=node1"));
  }

  @Test
  void pollsAndGuidUpdatesTravelTheSameOverEitherTransport() {
    GatewayAuth auth = new GatewayAuth(10001, GUID, "NSLB_ROUTE=node1");
    for (GatewayConfig.PollTransport transport : GatewayConfig.PollTransport.values()) {
      seen.clear();
      try (GatewayClient client = client(transport)) {
        reply =
            new Reply(
                Map.of("Set-GUID", List.of("JSESSIONID=rotated-guid-aaaaaaaaaaaa")),
                "{\"retcode\":\"0\",\"event\":{\"eventType\":\"AgentState_Ready\"}}");
        PollResult poll = client.poll(auth);
        assertThat(poll.rotatedGuid()).as(transport.name()).contains("rotated-guid-aaaaaaaaaaaa");
        assertThat(poll.event()).as(transport.name()).isPresent();
        reply = new Reply(Map.of(), "{\"retcode\":\"0\",\"result\":{\"guid\":\"next-guid\"}}");
        assertThat(client.updateGuidAsync(auth).toCompletableFuture().join())
            .as(transport.name())
            .isEqualTo("next-guid");
      }
      assertThat(seen)
          .as(transport.name())
          .extracting(Seen::method, Seen::path, Seen::guid, Seen::cookie)
          .containsExactly(
              tuple("GET", BASE + "agentevent/10001", GUID, "NSLB_ROUTE=node1"),
              tuple("PUT", BASE + "onlineagent/10001/updateGuid", GUID, "NSLB_ROUTE=node1"));
    }
  }

  @Test
  void invalidRequestsAreRefusedBeforeAnythingIsSent() {
    try (GatewayClient client = client(GatewayConfig.PollTransport.JDK)) {
      assertThatThrownBy(
              () -> client.setCustomState(new GatewayAuth(100, GUID, null), new CustomState(1)))
          .isInstanceOf(InvalidGatewayRequestException.class);
      // a state out of range cannot even be built, so it never reaches the client
      assertThatThrownBy(
              () ->
                  client.setCustomState(new GatewayAuth(10001, GUID, null), new CustomState(70000)))
          .isInstanceOf(IllegalArgumentException.class);
      assertThat(client.updateGuidAsync(new GatewayAuth(100, GUID, null)))
          .isCompletedExceptionally();
    }
    assertThat(seen).isEmpty();
  }

  @Test
  void everyDocumentedRetcodeHasAClass() {
    assertThat(Retcodes.of("100-006").retcodeClass()).isEqualTo(RetcodeClass.STALE_SESSION);
    assertThat(Retcodes.of("000-003").retcodeClass()).isEqualTo(RetcodeClass.STALE_SESSION);
    assertThat(Retcodes.of("000-002").retcodeClass()).isEqualTo(RetcodeClass.INVALID_REQUEST);
    assertThat(Retcodes.of("100-009").retcodeClass()).isEqualTo(RetcodeClass.AGENT_STATE);
    assertThat(Retcodes.of("100-007").retcodeClass()).isEqualTo(RetcodeClass.TRANSIENT);
    assertThat(Retcodes.of("000-004").retcodeClass()).isEqualTo(RetcodeClass.TRANSIENT);
    assertThat(Retcodes.of("000-007").retcodeClass()).isEqualTo(RetcodeClass.TRANSIENT);
    assertThat(Retcodes.of("999-999").retcodeClass()).isEqualTo(RetcodeClass.UNKNOWN);
    assertThat(Retcodes.of("999-999").code()).isEqualTo("999-999");
    assertThat(Retcodes.all())
        .hasSizeGreaterThan(35)
        .allSatisfy(r -> assertThat(r.meaning()).isNotBlank());
  }

  @Test
  void guidsAreMaskedAndParsedFromSetGuid() {
    assertThat(Guids.mask(GUID)).isEqualTo("279f…");
    assertThat(Guids.mask(null)).isEqualTo("-");
    assertThat(Guids.fromSetGuid("JSESSIONID=" + GUID)).isEqualTo(GUID);
    assertThat(Guids.fromSetGuid("jsessionid=" + GUID + "; Path=/")).isEqualTo(GUID);
    assertThat(Guids.fromSetGuid(GUID)).isEqualTo(GUID);
    assertThat(Guids.isWellFormed(GUID)).isTrue();
    assertThat(Guids.isWellFormed("<script>alert(1)</script>")).isFalse();
    assertThat(Guids.isWellFormed("short")).isFalse();
    assertThat(new GatewayAuth(10001, GUID, "NSLB=1").toString())
        .doesNotContain("2caa")
        .doesNotContain("NSLB");
  }
}
