package io.statedesk.simulator;

import static io.statedesk.simulator.GatewayHttp.guidOf;
import static io.statedesk.simulator.GatewayHttp.json;
import static io.statedesk.simulator.GatewayHttp.retcode;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The simulator over real HTTP on Payara Micro: the wire contract (envelope, headers, HTTP 200 with
 * retcodes), the timing rules with fast intervals, and every fault kind.
 */
class SimulatorIT {

  static final int AGENT = 10001;
  static final int OTHER = 10002;

  final GatewayHttp gw = GatewayHttp.simulator();

  @BeforeEach
  void reset() {
    gw.reset(2, 1_000, 2_000, 3_000, 500, false);
  }

  @Test
  void signInAnswersTheEnvelopeWithSetGuid() {
    HttpResponse<String> response =
        gw.send(
            "PUT",
            "/resource/onlineagent/" + AGENT,
            "{\"password\":\"Sim#10001\",\"phonenum\":\"710001\",\"status\":\"4\"}");
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Set-GUID"))
        .hasValueSatisfying(
            v -> assertThat(v).matches("JSESSIONID=[0-9a-f-]{36}\\.AgentGateway[01]"));
    JsonObject body = json(response);
    assertThat(body.getString("retcode")).isEqualTo("0");
    assertThat(body.getString("message")).isEqualTo("success");
    assertThat(body.getJsonObject("result").getString("workno")).isEqualTo("10001");
  }

  @Test
  void theGuidHeaderNameIsCaseInsensitive() {
    String guid = gw.signIn(AGENT);
    for (String name : new String[] {"guid", "Guid", "GUID"}) {
      HttpResponse<String> r =
          gw.send("GET", "/resource/onlineagent/" + AGENT + "/querycustomstate", null, name, guid);
      assertThat(retcode(r)).as(name).isEqualTo("0");
      assertThat(json(r).getJsonObject("result").getString("agentcustomstate")).isEqualTo("65535");
    }
  }

  @Test
  void setQueryAndCancelCustomStateOverHttp() {
    String guid = gw.signIn(AGENT);
    String base = "/resource/onlineagent/" + AGENT;
    assertThat(
            retcode(
                gw.send("POST", base + "/setcustomstate?customstate=65535", null, "guid", guid)))
        .isEqualTo("000-002");
    assertThat(retcode(gw.send("POST", base + "/setcustomstate?customstate=x", null, "guid", guid)))
        .isEqualTo("000-002");
    assertThat(retcode(gw.send("POST", base + "/setcustomstate", null, "guid", guid)))
        .isEqualTo("000-002");
    assertThat(
            retcode(gw.send("POST", base + "/setcustomstate?customstate=301", null, "guid", guid)))
        .isEqualTo("0");
    assertThat(
            json(gw.send("GET", base + "/querycustomstate", null, "guid", guid))
                .getJsonObject("result")
                .getString("agentcustomstate"))
        .isEqualTo("301");
    assertThat(retcode(gw.send("POST", base + "/cancelsetcustomstate", null, "guid", guid)))
        .isEqualTo("0");
    assertThat(retcode(gw.send("POST", base + "/cancelsetcustomstate", null, "guid", guid)))
        .isEqualTo("100-009");
    assertThat(
            json(gw.send("GET", base + "/agentstatus", null, "guid", guid))
                .getJsonObject("result")
                .getInt("agentState"))
        .isEqualTo(4);
  }

  @Test
  void wrongMethodUnknownPathAndBadIdsGet000002WithHttp200() {
    String guid = gw.signIn(AGENT);
    HttpResponse<String> wrongMethod =
        gw.send(
            "GET",
            "/resource/onlineagent/" + AGENT + "/setcustomstate?customstate=1",
            null,
            "guid",
            guid);
    assertThat(wrongMethod.statusCode()).isEqualTo(200);
    assertThat(retcode(wrongMethod)).isEqualTo("000-002");
    assertThat(
            retcode(
                gw.send(
                    "GET", "/resource/onlineagent/" + AGENT + "/nosuchthing", null, "guid", guid)))
        .isEqualTo("000-002");
    assertThat(
            retcode(
                gw.send("GET", "/resource/onlineagent/100/querycustomstate", null, "guid", guid)))
        .isEqualTo("000-002");
    assertThat(
            retcode(
                gw.send(
                    "GET", "/resource/onlineagent/1000000/querycustomstate", null, "guid", guid)))
        .isEqualTo("000-002");
  }

  @Test
  void foreignAndMissingGuids() {
    gw.signIn(AGENT);
    String other = gw.signIn(OTHER);
    assertThat(
            retcode(gw.send("GET", "/resource/onlineagent/" + AGENT + "/querycustomstate", null)))
        .isEqualTo("100-006");
    assertThat(
            retcode(
                gw.send(
                    "GET",
                    "/resource/onlineagent/" + AGENT + "/querycustomstate",
                    null,
                    "guid",
                    other)))
        .isEqualTo("000-003");
    assertThat(
            retcode(
                gw.send(
                    "PUT",
                    "/resource/onlineagent/" + AGENT,
                    "{\"password\":\"Sim#10001\",\"phonenum\":\"710001\"}")))
        .isEqualTo("100-002");
    assertThat(
            retcode(
                gw.send(
                    "PUT",
                    "/resource/onlineagent/" + AGENT,
                    "{\"password\":\"wrong\",\"phonenum\":\"710001\"}")))
        .isEqualTo("100-004");
    assertThat(retcode(gw.send("PUT", "/resource/onlineagent/" + AGENT, "not json")))
        .isEqualTo("100-001");
  }

  @Test
  void guidRotatesOnThePollInAuthMode2AndTheOldOneExpires() throws Exception {
    String first = gw.signIn(AGENT);
    String current = first;
    int rotations = 0;
    long deadline = System.currentTimeMillis() + 10_000;
    while (rotations < 2 && System.currentTimeMillis() < deadline) {
      HttpResponse<String> poll =
          gw.send("GET", "/resource/agentevent/" + AGENT, null, "guid", current);
      assertThat(retcode(poll)).isEqualTo("0");
      if (poll.headers().firstValue("Set-GUID").isPresent()) {
        current = guidOf(poll);
        rotations++;
      }
    }
    assertThat(rotations).isEqualTo(2);
    Thread.sleep(2_100);
    assertThat(
            retcode(
                gw.send(
                    "GET",
                    "/resource/onlineagent/" + AGENT + "/querycustomstate",
                    null,
                    "guid",
                    first)))
        .isEqualTo("100-006");
  }

  @Test
  void authMode1NeverRotates() throws Exception {
    gw.reset(1, 1_000, 2_000, 5_000, 500, false);
    String guid = gw.signIn(AGENT);
    long until = System.currentTimeMillis() + 2_500;
    while (System.currentTimeMillis() < until) {
      HttpResponse<String> poll =
          gw.send("GET", "/resource/agentevent/" + AGENT, null, "guid", guid);
      assertThat(poll.headers().firstValue("Set-GUID")).isEmpty();
    }
    assertThat(
            retcode(
                gw.send(
                    "GET",
                    "/resource/onlineagent/" + AGENT + "/querycustomstate",
                    null,
                    "guid",
                    guid)))
        .isEqualTo("0");
  }

  @Test
  void longPollHoldsForThePollWaitAndCarriesOneEvent() {
    String guid = gw.signIn(AGENT);
    JsonObject first = json(gw.send("GET", "/resource/agentevent/" + AGENT, null, "guid", guid));
    assertThat(first.getJsonObject("event").getString("eventType"))
        .isEqualTo("AgentOther_InService");
    JsonObject second = json(gw.send("GET", "/resource/agentevent/" + AGENT, null, "guid", guid));
    assertThat(second.getJsonObject("event").getString("eventType")).isEqualTo("AgentState_Ready");
    long start = System.nanoTime();
    HttpResponse<String> empty =
        gw.send("GET", "/resource/agentevent/" + AGENT, null, "guid", guid);
    long ms = (System.nanoTime() - start) / 1_000_000;
    assertThat(json(empty).isNull("event")).isTrue();
    assertThat(ms).isBetween(400L, 3_000L);
  }

  @Test
  void idleAgentsAreSignedOutAfterMaxTime() throws Exception {
    String guid = gw.signIn(AGENT);
    Thread.sleep(4_500);
    assertThat(
            retcode(
                gw.send(
                    "GET",
                    "/resource/onlineagent/" + AGENT + "/querycustomstate",
                    null,
                    "guid",
                    guid)))
        .isEqualTo("100-006");
    assertThat(gw.signIn(AGENT)).isNotBlank();
  }

  @Test
  void loadBalancerCookieMakesSessionsSticky() {
    gw.reset(1, 1_000, 2_000, 5_000, 500, true);
    HttpResponse<String> signIn =
        gw.send(
            "PUT",
            "/resource/onlineagent/" + AGENT,
            "{\"password\":\"Sim#10001\",\"phonenum\":\"710001\"}");
    String guid = guidOf(signIn);
    String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    assertThat(
            retcode(
                gw.send(
                    "GET",
                    "/resource/onlineagent/" + AGENT + "/querycustomstate",
                    null,
                    "guid",
                    guid)))
        .isEqualTo("100-006");
    assertThat(
            retcode(
                gw.send(
                    "GET",
                    "/resource/onlineagent/" + AGENT + "/querycustomstate",
                    null,
                    "guid",
                    guid,
                    "Cookie",
                    cookie)))
        .isEqualTo("0");
  }

  @Test
  void injectedRetcodesHttpErrorsLatencyAndFailingAgents() {
    String guid = gw.signIn(AGENT);
    String set = "/resource/onlineagent/" + AGENT + "/setcustomstate?customstate=5";

    gw.control(
        "PUT",
        "faults",
        "{\"failureShare\":1.0,\"failureRetcodes\":[\"100-007\"],\"operations\":[\"setCustomState\"]}");
    assertThat(retcode(gw.send("POST", set, null, "guid", guid))).isEqualTo("100-007");
    assertThat(
            retcode(
                gw.send(
                    "GET",
                    "/resource/onlineagent/" + AGENT + "/querycustomstate",
                    null,
                    "guid",
                    guid)))
        .isEqualTo("0");

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
        java.util.concurrent.CompletableFuture.supplyAsync(
            () ->
                gw.send(
                    "PUT",
                    "/resource/onlineagent/" + AGENT,
                    "{\"password\":\"Sim#10001\",\"phonenum\":\"710001\"}"));
    Thread.sleep(300);
    var second =
        gw.send(
            "PUT",
            "/resource/onlineagent/" + AGENT,
            "{\"password\":\"Sim#10001\",\"phonenum\":\"710001\"}");
    assertThat(retcode(first.get())).isEqualTo("0");
    assertThat(retcode(second)).isEqualTo("100-021");
    gw.control("DELETE", "faults", null);
  }

  @Test
  void agentsSignedInElsewhereAndForcedSignIn() {
    gw.control("POST", "agents/" + AGENT + "/elsewhere", null);
    assertThat(
            retcode(
                gw.send(
                    "PUT",
                    "/resource/onlineagent/" + AGENT,
                    "{\"password\":\"Sim#10001\",\"phonenum\":\"710001\"}")))
        .isEqualTo("100-002");
    HttpResponse<String> forced =
        gw.send(
            "PUT",
            "/resource/onlineagent/" + AGENT + "/forcelogin",
            "{\"password\":\"Sim#10001\",\"phonenum\":\"710001\"}");
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
    assertThat(
            retcode(
                gw.send(
                    "PUT",
                    "/resource/onlineagent/" + AGENT,
                    "{\"password\":\"Sim#10001\",\"phonenum\":\"710001\"}")))
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

  @Test
  void everyCallNeedsTheJsonContentType() {
    String guid = gw.signIn(AGENT);
    String query = "/resource/onlineagent/" + AGENT + "/querycustomstate";
    assertThat(
            retcode(gw.send("GET", query, null, "guid", guid, "Content-Type", "application/json")))
        .isEqualTo("0");
    assertThat(retcode(gw.send("GET", query, null, "guid", guid, "Content-Type", "text/plain")))
        .isEqualTo("000-002");
    assertThat(retcode(gw.send("GET", query, null, "guid", guid, "Content-Type", null)))
        .isEqualTo("000-002");
    HttpResponse<String> latin =
        gw.send(
            "GET",
            "/resource/agentevent/" + AGENT,
            null,
            "guid",
            guid,
            "Content-Type",
            "application/json; charset=ISO-8859-1");
    assertThat(latin.statusCode()).isEqualTo(200);
    assertThat(retcode(latin)).isEqualTo("000-002");
    assertThat(
            retcode(
                gw.send(
                    "PUT",
                    "/resource/onlineagent/" + OTHER,
                    "{\"password\":\"Sim#10002\",\"phonenum\":\"710002\"}",
                    "Content-Type",
                    "application/x-www-form-urlencoded")))
        .isEqualTo("000-002");
    assertThat(json(gw.send("GET", "/simulator/agents/" + OTHER, null)).getBoolean("signedIn"))
        .isFalse();
  }
}
