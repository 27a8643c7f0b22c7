package io.statedesk.web.api;

import static io.statedesk.web.api.Api.basic;
import static io.statedesk.web.api.Api.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.JsonFields;
import io.statedesk.web.ConsoleServer;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * What the API accepts: only the documented media types on writes (every write endpoint, found by
 * reflection so that a new one cannot be forgotten), no Basic challenge, CORS closed, the client
 * address from X-Forwarded-For only through a trusted proxy, idempotency keys bound to the body.
 */
class ApiSecurityIT {

  static final String ADMIN = Tokens.bearer("admin", "admin-demo");

  static Stream<ApiEndpoints.Endpoint> writes() {
    return ApiEndpoints.all().stream().filter(ApiEndpoints.Endpoint::write);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("writes")
  void everyWriteRefusesTheTypesAFormOrANoCorsFetchCanSend(ApiEndpoints.Endpoint endpoint) {
    for (String type :
        List.of(
            "text/plain",
            "application/x-www-form-urlencoded",
            "multipart/form-data; boundary=x",
            "application/xml")) {
      // a DELETE with a body is refused before the API over HTTP/1.1 (Payara: 400, no body): the
      // type alone is what is checked there
      HttpResponse<String> r =
          send(
              endpoint.method(),
              endpoint.samplePath(),
              endpoint.method().equals("DELETE") ? null : "{\"agents\":[10001],\"code\":101}",
              "Authorization",
              ADMIN,
              "Content-Type",
              type);
      assertThat(r.statusCode()).as(endpoint + " with " + type + ": " + r.body()).isEqualTo(415);
      assertThat(r.body()).contains("\"status\":415").contains("Content-Type");
    }
    if (endpoint.method().equals("POST")) {
      // a POST with no Content-Type at all (what a no-cors fetch of a Blob sends) is refused too
      HttpResponse<String> untyped =
          ApiEndpoints.untyped(endpoint.method(), endpoint.samplePath(), ADMIN);
      assertThat(untyped.statusCode()).as(endpoint + " without a type").isEqualTo(415);
    }
  }

  @Test
  void everyWriteDeclaresItsMediaTypesAndNoneAcceptsAnything() {
    assertThat(writes().toList()).hasSizeGreaterThan(15);
    writes()
        .forEach(
            e ->
                assertThat(e.consumes())
                    .as(e.toString())
                    .isNotEmpty()
                    .allMatch(t -> t.equals("application/json") || t.equals("text/csv")));
  }

  @Test
  void aRefusalNeverChallengesWithBasicSoBrowsersNeverKeepAPassword() {
    for (HttpResponse<String> r :
        List.of(
            send("GET", "/changes", null),
            send("GET", "/changes", null, "Authorization", basic("alice", "wrong-password")),
            send("GET", "/changes", null, "Authorization", "Bearer sdt_not-a-real-token-at-all"))) {
      assertThat(r.statusCode()).isEqualTo(401);
      assertThat(r.headers().allValues("WWW-Authenticate"))
          .isNotEmpty()
          .noneMatch(v -> v.toLowerCase(Locale.ROOT).contains("basic"));
      assertThat(r.body()).contains("\"status\":401");
    }
  }

  @Test
  void crossOriginCallsAreClosedUnlessConfigured() {
    HttpResponse<String> preflight =
        send(
            "OPTIONS",
            "/changes",
            null,
            "Origin",
            "http://evil.example",
            "Access-Control-Request-Method",
            "POST",
            "Access-Control-Request-Headers",
            "content-type, authorization");
    assertThat(preflight.statusCode()).isEqualTo(403);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    HttpResponse<String> read =
        send("GET", "/changes", null, "Authorization", ADMIN, "Origin", "http://evil.example");
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(read.headers().firstValue("Access-Control-Allow-Credentials")).isEmpty();
  }

  /**
   * Behind a trusted proxy (the tests' 127.0.0.1 is one), a failure counts against the forwarded
   * client, the right-most address of X-Forwarded-For, never one a client wrote further left; the
   * lockout rules over those addresses are {@code LoginThrottleTest}'s (20 failures from one
   * forwarded address lock it out and not another).
   */
  @Test
  void aFailureCountsAgainstTheForwardedClient() {
    String user = "proxied" + System.nanoTime() % 1_000_000;
    assertThat(
            send(
                    "GET",
                    "/agents?max=1",
                    null,
                    "Authorization",
                    basic(user, "wrong"),
                    "X-Forwarded-For",
                    "198.51.100.99, 203.0.113.77")
                .statusCode())
        .isEqualTo(401);
    assertThat(ConsoleServer.get().log())
        .contains("Sign-in failed for user '" + user + "' from 203.0.113.77")
        .doesNotContain("audit login.failed by " + user);
  }

  @Test
  void anIdempotencyKeyIsBoundToItsBody() {
    String alice = Tokens.bearer("alice", "alice-demo");
    String key = "bound-" + System.nanoTime();
    String body = "{\"agents\":[10025],\"code\":101,\"note\":\"first\"}";
    HttpResponse<String> made =
        send("POST", "/changes", body, "Authorization", alice, "Idempotency-Key", key);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    HttpResponse<String> again =
        send("POST", "/changes", body, "Authorization", alice, "Idempotency-Key", key);
    assertThat(again.statusCode()).isEqualTo(200);
    long id = JsonFields.number(made.body(), "id");
    assertThat(again.body()).contains("\"id\":" + id + ",");
    HttpResponse<String> other =
        send(
            "POST",
            "/changes",
            body.replace("first", "second"),
            "Authorization",
            alice,
            "Idempotency-Key",
            key);
    assertThat(other.statusCode()).isEqualTo(409);
    assertThat(other.body())
        .contains("already used with a different request body")
        .contains("\"field\":\"Idempotency-Key\"");
  }

  /** A supervisor looking at a change that touched their teams sees their teams' totals only. */
  @Test
  void aSupervisorSeesOnlyTheirTeamsTotalsOfSomeoneElsesChange() {
    String billing = lastHostedAgentOf("Billing"); // alice's team
    String sales = lastHostedAgentOf("Sales"); // bob's
    HttpResponse<String> made =
        send(
            "POST",
            "/changes",
            "{\"agents\":[" + billing + "," + sales + "],\"code\":101,\"note\":\"shared\"}",
            "Authorization",
            ADMIN);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    long id = JsonFields.number(made.body(), "id");
    assertThat(send("GET", "/changes/" + id, null, "Authorization", ADMIN).body())
        .contains("\"total\":2")
        .doesNotContain("teamScoped");
    String alices =
        send("GET", "/changes/" + id, null, "Authorization", Tokens.bearer("alice", "alice-demo"))
            .body();
    assertThat(alices).contains("\"total\":1").contains("\"teamScoped\":true");
    assertThat(
            send(
                    "GET",
                    "/changes?max=500",
                    null,
                    "Authorization",
                    Tokens.bearer("alice", "alice-demo"))
                .body())
        .containsPattern("\"id\":" + id + ",[^{}]*\"total\":1,");
  }

  /** The highest-numbered agent of {@code team} with a hosted session (as the directory says). */
  private static String lastHostedAgentOf(String team) {
    String body =
        send(
                "GET",
                "/agents?team="
                    + team.replace(" ", "%20")
                    + "&session=HOSTED&sort=agentId&desc=true&max=1",
                null,
                "Authorization",
                ADMIN)
            .body();
    assertThat(body).as(team + " agents").contains("\"agentId\":");
    return String.valueOf(JsonFields.number(body, "agentId"));
  }
}
