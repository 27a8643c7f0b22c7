package io.statedesk.web.api;

import static io.statedesk.web.api.Api.basic;
import static io.statedesk.web.api.Api.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Http;
import io.statedesk.testkit.JsonFields;
import io.statedesk.web.ConsoleServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/** The directory API: synchronised from the simulator, scoped to the caller's teams. */
class AgentApiIT {

  static final String ADMIN = basic("admin", "admin-demo");

  @Test
  void adminsSyncAndSeeEveryone() {
    HttpResponse<String> sync = send("POST", "/agents/sync", null, "Authorization", ADMIN);
    assertThat(sync.statusCode()).isEqualTo(200);
    assertThat(sync.body()).contains("\"added\"").contains("\"removed\"");
    HttpResponse<String> all = send("GET", "/agents?max=5", null, "Authorization", ADMIN);
    assertThat(all.body())
        .containsPattern("\"total\":30\\d")
        .contains("\"team\":\"Billing\"")
        .contains("\"session\":");
  }

  @Test
  void supervisorsSeeOnlyTheirTeams() {
    send("POST", "/agents/sync", null, "Authorization", ADMIN);
    String alice =
        send("GET", "/agents?max=1000", null, "Authorization", basic("alice", "alice-demo")).body();
    assertThat(alice)
        .contains("\"total\":150")
        .contains("Billing")
        .doesNotContain("\"team\":\"Sales\"");
    String bob =
        send(
                "GET",
                "/agents?max=1000&team=Billing",
                null,
                "Authorization",
                basic("bob", "bob-demo"))
            .body();
    assertThat(bob).contains("\"total\":0");
    assertThat(
            send(
                    "GET",
                    "/agents?team=Sales&state=IDLE&q=1000",
                    null,
                    "Authorization",
                    basic("bob", "bob-demo"))
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void hostedAgentsStatesFollowTheirEventsBetweenSyncs() throws Exception {
    send("POST", "/agents/sync", null, "Authorization", ADMIN);
    String before = states(send("GET", "/agents?max=60", null, "Authorization", ADMIN).body());
    // the simulated activity changes some hosted agent's state without a sync
    Awaitility.await("a hosted agent's state changed by its events")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(2))
        .until(
            () -> states(send("GET", "/agents?max=60", null, "Authorization", ADMIN).body()),
            now -> !now.equals(before));
  }

  /** Only the agents' ids and gateway states, e.g. "10001=IDLE 10002=TALKING". */
  static String states(String body) {
    StringBuilder out = new StringBuilder();
    for (String agent : JsonFields.objects(body, "agentId")) {
      out.append(JsonFields.number(agent, "agentId"))
          .append('=')
          .append(JsonFields.text(agent, "gatewayState", "?"))
          .append(' ');
    }
    return out.toString();
  }

  @Test
  void sessionAvailabilityFilters() throws Exception {
    send("POST", "/agents/sync", null, "Authorization", ADMIN);
    // availability is mirrored into the directory's rows within a second
    String hosted =
        Awaitility.await("hosted agents in the directory")
            .atMost(Duration.ofSeconds(30))
            .until(
                () ->
                    send("GET", "/agents?session=HOSTED&max=1000", null, "Authorization", ADMIN)
                        .body(),
                body -> JsonFields.number(body, "total") >= 45);
    int hostedTotal = (int) JsonFields.number(hosted, "total");
    assertThat(hostedTotal)
        .as("most of 10001-10060 are hosted; a few are signed in elsewhere")
        .isBetween(45, 60);
    for (long id : JsonFields.numbers(hosted, "agentId")) {
      assertThat(id).isBetween(10001L, 10060L);
    }
    String all = send("GET", "/agents?max=1", null, "Authorization", ADMIN).body();
    int total = (int) JsonFields.number(all, "total");
    String others =
        send(
                "GET",
                "/agents?session=RELAYED&session=STALE&session=TAKEN_OVER&max=1",
                null,
                "Authorization",
                ADMIN)
            .body();
    // the hosted agents the simulator seeds as signed in elsewhere: taken over, not "no session"
    assertThat(
            send("GET", "/agents?session=TAKEN_OVER&max=1000", null, "Authorization", ADMIN).body())
        .doesNotContain("\"total\":0,")
        .doesNotContain("\"session\":\"NONE\"");
    int othersTotal = (int) JsonFields.number(others, "total");
    assertThat(send("GET", "/agents?session=NONE&max=1", null, "Authorization", ADMIN).body())
        .contains("\"total\":" + (total - hostedTotal - othersTotal));
    assertThat(
            send("GET", "/agents?session=HOSTED&session=NONE&max=1", null, "Authorization", ADMIN)
                .body())
        .contains("\"total\":" + (total - othersTotal));
    assertThat(send("GET", "/agents?session=SLEEPY", null, "Authorization", ADMIN).body())
        .contains("must be HOSTED, RELAYED, NONE, STALE or TAKEN_OVER");
  }

  @Test
  void csvImportIsAllOrNothingWithLineNumbers() {
    String bad =
        "agent_id,name,team,skills,phone\n700001,Imported One,Night Shift,Voice EN,\n700002,,Night Shift,,\n";
    HttpResponse<String> refused =
        send("POST", "/agents/import", bad, "Authorization", ADMIN, "Content-Type", "text/csv");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("\"line\":3").contains("name must be");
    assertThat(send("GET", "/agents?q=700001", null, "Authorization", ADMIN).body())
        .contains("\"total\":0");
    String good = bad.replace("700002,,", "700002,Imported Two,");
    HttpResponse<String> imported =
        send("POST", "/agents/import", good, "Authorization", ADMIN, "Content-Type", "text/csv");
    assertThat(imported.statusCode()).isEqualTo(200);
    assertThat(imported.body()).contains("\"added\":2");
    assertThat(send("GET", "/agents?q=700001", null, "Authorization", ADMIN).body())
        .contains("Imported One");
    assertThat(
            send("GET", "/agents?q=Imported", null, "Authorization", basic("alice", "alice-demo"))
                .body())
        .as("Night Shift is not a team of alice")
        .contains("\"total\":0");
    assertThat(
            send(
                    "POST",
                    "/agents/import",
                    good,
                    "Authorization",
                    basic("alice", "alice-demo"),
                    "Content-Type",
                    "text/csv")
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void skillsComeFromTheGatewayAndFilter() {
    send("POST", "/agents/sync", null, "Authorization", ADMIN);
    String chat = send("GET", "/agents?skill=Chat&max=1000", null, "Authorization", ADMIN).body();
    int withChat = (int) JsonFields.number(chat, "total");
    assertThat(withChat).isBetween(50, 250);
    assertThat(chat).doesNotContain("\"skills\":[\"Voice EN\"]}");
  }

  @Test
  void customStatesAreReadBackWithTheAgentsOwnSession() throws Exception {
    // A desktop signs agent 10150 in at the gateway, sets a custom state itself, and relays its
    // Guid.
    var gateway = Http.client();
    String base = ConsoleServer.get().baseUrl() + "/agentgateway/resource/onlineagent/10150";
    var signIn =
        gateway.send(
            HttpRequest.newBuilder(URI.create(base + "/forcelogin"))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"password\":\"Sim#10150\",\"phonenum\":\"710150\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    String guid =
        signIn.headers().firstValue("Set-GUID").orElseThrow().substring("JSESSIONID=".length());
    gateway.send(
        HttpRequest.newBuilder(URI.create(base + "/setcustomstate?customstate=111"))
            .header("Content-Type", "application/json; charset=UTF-8")
            .header("guid", guid)
            .POST(HttpRequest.BodyPublishers.noBody())
            .build(),
        HttpResponse.BodyHandlers.ofString());
    String token = Api.newRelayToken("desk-10150-" + System.nanoTime() % 100000);
    assertThat(
            send(
                    "PUT",
                    "/sessions/10150",
                    "{\"guid\":\"" + guid + "\",\"authMode\":2}",
                    "Authorization",
                    "Bearer " + token)
                .statusCode())
        .isEqualTo(200);
    send("POST", "/agents/sync", null, "Authorization", ADMIN);
    // the sync answers at once; its read-back of custom states runs after it, bounded, in the
    // background (the directory page shows its progress)
    Awaitility.await("agent 10150's custom state read back after the sync")
        .atMost(Duration.ofSeconds(60))
        .until(
            () ->
                send("GET", "/agents?q=10150", null, "Authorization", ADMIN)
                    .body()
                    .contains("\"customState\":111"));
    String agent = send("GET", "/agents?q=10150", null, "Authorization", ADMIN).body();
    assertThat(agent).contains("\"customState\":111").contains("\"session\":\"RELAYED\"");
    assertThat(send("GET", "/agents?customState=111", null, "Authorization", ADMIN).body())
        .contains("\"agentId\":10150");
  }

  @Test
  void badQueriesAreExplained() {
    assertThat(send("GET", "/agents?state=SLEEPING", null, "Authorization", ADMIN).body())
        .contains("is not a gateway state");
    assertThat(send("GET", "/agents?max=5000", null, "Authorization", ADMIN).statusCode())
        .isEqualTo(400);
    assertThat(send("GET", "/agents", null).statusCode()).isEqualTo(401);
    assertThat(
            send("POST", "/agents/sync", null, "Authorization", basic("alice", "alice-demo"))
                .statusCode())
        .isEqualTo(403);
  }
}
