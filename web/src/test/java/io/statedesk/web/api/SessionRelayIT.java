package io.statedesk.web.api;

import static io.statedesk.web.api.Api.basic;
import static io.statedesk.web.api.Api.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.JsonFields;
import io.statedesk.web.ConsoleServer;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The session relay endpoint: who may call it, what it accepts, what it says when it refuses.
 *
 * <p>What a relayed session then does is {@link RelayedSessionsIT}'s.
 */
class SessionRelayIT {

  static final String GUID = "279fe21d-2caa-4437-84c3-ab9e9dae20f5.AgentGateway1";

  @Test
  void aRelayTokenRegistersAndWithdrawsASession() {
    String token = Api.newRelayToken("desktop-" + System.nanoTime() % 100000);
    HttpResponse<String> put =
        send(
            "PUT",
            "/sessions/20001",
            "{\"guid\":\"" + GUID + "\",\"cookie\":\"NSLB_ROUTE=n1\",\"authMode\":2}",
            "Authorization",
            "Bearer " + token);
    assertThat(put.statusCode()).isEqualTo(200);
    assertThat(put.body())
        .contains("\"source\":\"RELAYED\"")
        .doesNotContain(GUID)
        .doesNotContain("2caa");
    assertThat(
            send("DELETE", "/sessions/20001", null, "Authorization", "Bearer " + token)
                .statusCode())
        .isEqualTo(204);
    assertThat(
            send("DELETE", "/sessions/20001", null, "Authorization", "Bearer " + token)
                .statusCode())
        .isEqualTo(404);
    assertThat(ConsoleServer.get().log())
        .contains("relay.session.registered")
        .doesNotContain(GUID)
        .doesNotContain(token);
  }

  @Test
  void missingOrWrongTokensGet401() {
    HttpResponse<String> none = send("PUT", "/sessions/20002", "{\"guid\":\"" + GUID + "\"}");
    assertThat(none.statusCode()).isEqualTo(401);
    assertThat(none.headers().firstValue("WWW-Authenticate")).isPresent();
    assertThat(none.body()).contains("Authentication required");
    assertThat(
            send(
                    "PUT",
                    "/sessions/20002",
                    "{\"guid\":\"" + GUID + "\"}",
                    "Authorization",
                    "Bearer sdr_not-a-real-token-at-all")
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void consoleUsersAreNotRelayClients() {
    HttpResponse<String> admin =
        send(
            "PUT",
            "/sessions/20003",
            "{\"guid\":\"" + GUID + "\"}",
            "Authorization",
            basic("admin", "admin-demo"));
    assertThat(admin.statusCode()).isEqualTo(403);
    assertThat(admin.body()).contains("needs role RELAY");
  }

  @Test
  void aRevokedTokenStopsWorking() {
    String name = "revoked-" + System.nanoTime() % 100000;
    String token = Api.newRelayToken(name);
    String list =
        send("GET", "/relay-clients", null, "Authorization", basic("admin", "admin-demo")).body();
    assertThat(list).contains(name).doesNotContain(token);
    String id = idOfClient(list, name);
    assertThat(
            send(
                    "DELETE",
                    "/relay-clients/" + id,
                    null,
                    "Authorization",
                    basic("admin", "admin-demo"))
                .statusCode())
        .isEqualTo(204);
    assertThat(
            send(
                    "PUT",
                    "/sessions/20004",
                    "{\"guid\":\"" + GUID + "\"}",
                    "Authorization",
                    "Bearer " + token)
                .statusCode())
        .isEqualTo(401);
  }

  @Test
  void supervisorsCannotCreateRelayClients() {
    HttpResponse<String> r =
        send(
            "POST",
            "/relay-clients",
            "{\"name\":\"sneaky\"}",
            "Authorization",
            basic("alice", "alice-demo"));
    assertThat(r.statusCode()).isEqualTo(403);
  }

  @Test
  void malformedBodiesGet400WithTheReason() {
    String token = Api.newRelayToken("validator-" + System.nanoTime() % 100000);
    String auth = "Bearer " + token;
    assertThat(send("PUT", "/sessions/20005", "{not json", "Authorization", auth).body())
        .contains("The body is not valid JSON");
    assertThat(send("PUT", "/sessions/20005", "[1,2]", "Authorization", auth).body())
        .contains("must be a JSON object");
    assertThat(send("PUT", "/sessions/20005", "{}", "Authorization", auth).body())
        .contains("guid is required")
        .contains("\"field\":\"guid\"");
    assertThat(send("PUT", "/sessions/20005", "{\"guid\":42}", "Authorization", auth).body())
        .contains("guid must be a string");
    assertThat(
            send(
                    "PUT",
                    "/sessions/20005",
                    "{\"guid\":\"<script>alert(1)</script>\"}",
                    "Authorization",
                    auth)
                .body())
        .contains("does not look like a gateway Guid")
        .doesNotContain("<script>");
    assertThat(
            send("PUT", "/sessions/99", "{\"guid\":\"" + GUID + "\"}", "Authorization", auth)
                .body())
        .contains("agentId must be 101..999999");
    assertThat(
            send("PUT", "/sessions/abc", "{\"guid\":\"" + GUID + "\"}", "Authorization", auth)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            send(
                    "PUT",
                    "/sessions/20005",
                    "{\"guid\":\"" + GUID + "\",\"authMode\":3}",
                    "Authorization",
                    auth)
                .body())
        .contains("authMode must be 1 or 2");
    assertThat(
            send(
                    "PUT",
                    "/sessions/20005",
                    "{\"guid\":\"" + GUID + "\",\"authMode\":3}",
                    "Authorization",
                    auth)
                .statusCode())
        .isEqualTo(400);
  }

  static final String ADMIN = basic("admin", "admin-demo");

  static String guid(int n) {
    return String.format("%08d-2caa-4437-84c3-ab9e9dae20f5.AgentGateway1", n);
  }

  static HttpResponse<String> push(String token, int agent, String guid) {
    return send(
        "PUT",
        "/sessions/" + agent,
        "{\"guid\":\"" + guid + "\"}",
        "Authorization",
        "Bearer " + token);
  }

  static String clientId(String name) {
    String list = send("GET", "/relay-clients", null, "Authorization", ADMIN).body();
    return idOfClient(list, name);
  }

  /** The id of the relay client {@code name} in a list of them. */
  static String idOfClient(String list, String name) {
    return JsonFields.objects(list, "name").stream()
        .filter(client -> JsonFields.text(client, "name").equals(name))
        .map(client -> String.valueOf(JsonFields.number(client, "id")))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no relay client " + name + " in " + list));
  }

  /**
   * Agents of {@code team} above the hosted range (10001-10060), from the synchronised directory.
   */
  static List<Integer> agentsOf(String team) {
    String all =
        send(
                "GET",
                "/agents?max=1000&team=" + team.replace(" ", "%20"),
                null,
                "Authorization",
                ADMIN)
            .body();
    List<Integer> ids = new ArrayList<>();
    for (long id : JsonFields.numbers(all, "agentId")) {
      if (id > 10200) {
        ids.add((int) id);
      }
    }
    return ids;
  }

  static int total(String query) {
    String body = send("GET", "/agents?" + query, null, "Authorization", ADMIN).body();
    return (int) JsonFields.number(body, "total");
  }
}
