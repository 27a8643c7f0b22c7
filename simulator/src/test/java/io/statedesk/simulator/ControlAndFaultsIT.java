package io.statedesk.simulator;

import static io.statedesk.simulator.GatewayHttp.json;
import static io.statedesk.simulator.GatewayHttp.retcode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The control API and fault injection over real HTTP on the shared Payara Micro: every fault kind,
 * the request record, sessions elsewhere, forced sign-in by another desktop, release and stats.
 */
class ControlAndFaultsIT extends SimulatorHttpTest {

  @Test
  void injectedRetcodesHttpErrorsLatencyAndFailingAgents() {
    String guid = gw.signIn(AGENT);
    String set = "/resource/onlineagent/" + AGENT + "/setcustomstate?customstate=5";

    gw.control(
        "PUT",
        "faults",
        "{\"failureShare\":1.0,\"failureRetcodes\":[\"100-007\"],\"operations\":[\"setCustomState\"]}");
    assertThat(retcode(gw.send("POST", set, null, "guid", guid))).isEqualTo("100-007");
    assertThat(queryRetcode(guid)).isEqualTo("0");

    gw.control(
        "PUT", "faults", "{\"httpErrorShare\":1.0,\"httpStatus\":429,\"retryAfterSeconds\":3}");
    HttpResponse<String> limited = gw.send("POST", set, null, "guid", guid);
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("3");
    assertThat(limited.body()).startsWith("<html>");

    gw.control("PUT", "faults", "{\"latencyMs\":400}");
    long start = System.nanoTime();
    assertThat(retcode(gw.send("POST", set, null, "guid", guid))).isEqualTo("0");
    assertThat((System.nanoTime() - start) / 1_000_000).isGreaterThanOrEqualTo(400);

    gw.control("PUT", "faults", "{\"failingAgents\":{\"" + AGENT + "\":\"100-009\"}}");
    assertThat(retcode(gw.send("POST", set, null, "guid", guid))).isEqualTo("100-009");

    gw.control("DELETE", "faults", null);
    assertThat(retcode(gw.send("POST", set, null, "guid", guid))).isEqualTo("0");
  }

  @Test
  void hangingCallsOutlastTheClient() {
    String guid = gw.signIn(AGENT);
    gw.control(
        "PUT",
        "faults",
        "{\"hangShare\":1.0,\"hangMs\":3000,\"operations\":[\"queryCustomState\"]}");
    assertThatThrownBy(
            () ->
                gw.send(
                    "GET",
                    "/resource/onlineagent/" + AGENT + "/querycustomstate",
                    null,
                    Duration.ofMillis(800),
                    "guid",
                    guid))
        .hasCauseInstanceOf(HttpTimeoutException.class);
  }

  @Test
  void theRecordMasksGuidsAndCountsConnections() {
    String guid = gw.signIn(AGENT);
    for (int i = 0; i < 5; i++) {
      gw.send("GET", "/resource/onlineagent/" + AGENT + "/querycustomstate", null, "guid", guid);
    }
    HttpResponse<String> calls =
        gw.send("GET", "/simulator/requests?agent=" + AGENT + "&operation=queryCustomState", null);
    assertThat(calls.body()).doesNotContain(guid).contains(guid.substring(0, 4) + "…");
    assertThat(
            json(gw.send("GET", "/simulator/requests/summary", null))
                .getJsonObject("counts")
                .getInt("queryCustomState 0"))
        .isEqualTo(5);
    assertThat(json(gw.send("GET", "/simulator/requests/summary", null)).getInt("connections"))
        .as("one keep-alive client reuses its connection")
        .isLessThanOrEqualTo(2);
  }

  @Test
  void controlApiRefusesBadInputClearly() {
    HttpResponse<String> bad = gw.send("PUT", "/simulator/faults", "{\"failureShare\":2}");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("failureShare must be between 0 and 1");
    HttpResponse<String> settings =
        gw.send(
            "PUT",
            "/simulator/settings",
            "{\"authMode\":3,\"guidIntervalMs\":1,\"guidTimeoutMs\":2,\"maxIdleMs\":5,\"pollWaitMs\":1,\"nodes\":1}");
    assertThat(settings.statusCode()).isEqualTo(400);
    assertThat(settings.body()).contains("authMode must be 1 or 2");
    assertThat(gw.send("GET", "/simulator/agents/42", null).statusCode()).isEqualTo(404);
  }

  @Test
  void aSecondSignInWhileTheFirstIsInProgressGets100021() throws Exception {
    gw.control("PUT", "faults", "{\"latencyMs\":1500,\"operations\":[\"login\"]}");
    var first =
        CompletableFuture.supplyAsync(
            () -> gw.send("PUT", "/resource/onlineagent/" + AGENT, gw.signInBody(AGENT)));
    // the first is being worked on (held by the latency fault) before the second is sent
    Awaitility.await("the first sign-in in progress")
        .atMost(Duration.ofSeconds(10))
        .until(
            () -> gw.send("GET", "/simulator/agents/" + AGENT, null).body(),
            view -> view.contains("\"inProgress\":[\"session\"]"));
    var second = gw.send("PUT", "/resource/onlineagent/" + AGENT, gw.signInBody(AGENT));
    assertThat(retcode(first.get())).isEqualTo("0");
    assertThat(retcode(second)).isEqualTo("100-021");
    gw.control("DELETE", "faults", null);
  }

  @Test
  void agentsSignedInElsewhereAndForcedSignIn() {
    gw.control("POST", "agents/" + AGENT + "/elsewhere", null);
    assertThat(retcode(gw.send("PUT", "/resource/onlineagent/" + AGENT, gw.signInBody(AGENT))))
        .isEqualTo("100-002");
    HttpResponse<String> forced =
        gw.send("PUT", "/resource/onlineagent/" + AGENT + "/forcelogin", gw.signInBody(AGENT));
    assertThat(retcode(forced)).isEqualTo("0");
    assertThat(json(gw.send("GET", "/simulator/agents/" + AGENT, null)).getBoolean("elsewhere"))
        .isFalse();
  }

  @Test
  void forcedSignInElsewhereReleaseAndStatsOverTheControlApi() {
    String guid = gw.signIn(AGENT);
    String status = "/resource/onlineagent/" + AGENT + "/agentstatus";
    gw.control("POST", "agents/" + AGENT + "/forcelogin", null);
    assertThat(retcode(gw.send("GET", status, null, "guid", guid))).isEqualTo("100-006");
    assertThat(retcode(gw.send("PUT", "/resource/onlineagent/" + AGENT, gw.signInBody(AGENT))))
        .isEqualTo("100-002");

    gw.control("POST", "agents/" + AGENT + "/release", null);
    assertThat(json(gw.send("GET", "/simulator/agents/" + AGENT, null)).getBoolean("signedIn"))
        .isFalse();
    gw.signIn(AGENT);

    JsonObject stats = json(gw.send("GET", "/simulator/stats", null));
    assertThat(stats.getJsonObject("signIns").getJsonObject("10001").getInt("login")).isEqualTo(2);
    assertThat(stats.getJsonObject("signIns").getJsonObject("10001").getInt("forcelogin")).isZero();
    assertThat(stats.getJsonObject("staleGuidRefusals").getInt("agentstatus")).isEqualTo(1);
    assertThat(
            stats
                .getJsonObject("staleGuidRefusalsByAgent")
                .getJsonObject("10001")
                .getInt("agentstatus"))
        .isEqualTo(1);
    gw.control("DELETE", "stats", null);
    assertThat(json(gw.send("GET", "/simulator/stats", null)).getJsonObject("signIns")).isEmpty();
  }
}
