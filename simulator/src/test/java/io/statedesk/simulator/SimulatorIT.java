package io.statedesk.simulator;

import static io.statedesk.simulator.GatewayHttp.guidOf;
import static io.statedesk.simulator.GatewayHttp.json;
import static io.statedesk.simulator.GatewayHttp.retcode;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * The simulator over real HTTP on Payara Micro: the wire contract (envelope, headers, HTTP 200 with
 * retcodes), the timing rules with fast intervals, and every fault kind.
 */
class SimulatorIT extends SimulatorHttpTest {

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
    assertThat(retcode(gw.send("PUT", "/resource/onlineagent/" + AGENT, gw.signInBody(AGENT))))
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
    // the first Guid was replaced twice: it expires within its 2 s of grace, the current one not
    String expired = first;
    Awaitility.await("the replaced Guid to expire")
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> queryRetcode(expired), "100-006"::equals);
    assertThat(queryRetcode(current)).isEqualTo("0");
  }

  @Test
  void authMode1NeverRotates() throws Exception {
    // about AUTHMODE 1 itself (a static Guid): every other test runs in the default, AUTHMODE 2
    gw.reset(1, 1_000, 2_000, 5_000, 500, false);
    String guid = gw.signIn(AGENT);
    long until = System.currentTimeMillis() + 2_500;
    while (System.currentTimeMillis() < until) {
      HttpResponse<String> poll =
          gw.send("GET", "/resource/agentevent/" + AGENT, null, "guid", guid);
      assertThat(poll.headers().firstValue("Set-GUID")).isEmpty();
    }
    assertThat(queryRetcode(guid)).isEqualTo("0");
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
    long signedIn = System.nanoTime();
    // watched through the control API, which is no activity of the agent (a query would be)
    Awaitility.await("the idle agent signed out")
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> gw.send("GET", "/simulator/agents/" + AGENT, null).body(),
            view -> view.contains("\"signedIn\":false"));
    // not before MAXTIME (3 s) from the sign-in's answer, less the answer's own way back
    assertThat((System.nanoTime() - signedIn) / 1_000_000).isGreaterThanOrEqualTo(2_900);
    assertThat(queryRetcode(guid)).isEqualTo("100-006");
    assertThat(gw.signIn(AGENT)).isNotBlank();
  }

  @Test
  void loadBalancerCookieMakesSessionsSticky() {
    // the default AUTHMODE 2 with Guid rotation, the load balancer's cookie on: the calls below
    // come well within the first Guid's rotation interval
    gw.reset(2, 1_000, 2_000, 3_000, 500, true);
    HttpResponse<String> signIn =
        gw.send("PUT", "/resource/onlineagent/" + AGENT, gw.signInBody(AGENT));
    String guid = guidOf(signIn);
    String cookie = signIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    assertThat(queryRetcode(guid)).isEqualTo("100-006");
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
}
