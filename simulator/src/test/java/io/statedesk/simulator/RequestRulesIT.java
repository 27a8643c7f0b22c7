package io.statedesk.simulator;

import static io.statedesk.simulator.GatewayHttp.json;
import static io.statedesk.simulator.GatewayHttp.retcode;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * What the gateway refuses before looking at a session, over real HTTP: wrong methods, unknown
 * paths and bad ids (000-002, HTTP 200), the JSON content type, the sign-in's phone number.
 */
class RequestRulesIT extends SimulatorHttpTest {

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

  @Test
  void signInNeedsTheAgentsOwnSoftphoneNumber() {
    String signIn = "/resource/onlineagent/" + OTHER;
    assertThat(retcode(gw.send("PUT", signIn, "{\"password\":\"Sim#10002\"}")))
        .isEqualTo("100-001");
    assertThat(
            retcode(
                gw.send("PUT", signIn, "{\"password\":\"Sim#10002\",\"phonenum\":\"7-10002\"}")))
        .isEqualTo("100-013");
    assertThat(
            retcode(gw.send("PUT", signIn, "{\"password\":\"Sim#10002\",\"phonenum\":\"710001\"}")))
        .isEqualTo("100-014");
    gw.signIn(OTHER);
  }
}
