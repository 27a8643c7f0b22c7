package io.statedesk.web.api;

import static io.statedesk.web.api.Api.basic;
import static io.statedesk.web.api.Api.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.JsonFields;
import io.statedesk.web.ConsoleServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/changes}: every status code it promises, scope, idempotency, export, no Guids. */
class ChangeApiIT {

  static final String ALICE = basic("alice", "alice-demo");
  static final String BOB = basic("bob", "bob-demo");
  static final String ADMIN = basic("admin", "admin-demo");

  @BeforeEach
  void directory() {
    ApiCalls.syncDirectory();
  }

  static long id(HttpResponse<String> r) {
    return JsonFields.number(r.body(), "id");
  }

  static final Set<String> FINISHED = Set.of("COMPLETED", "CANCELLED", "INTERRUPTED");

  static String awaitFinished(long id, String auth) {
    return Awaitility.await("change " + id + " to finish")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () -> send("GET", "/changes/" + id, null, "Authorization", auth).body(),
            body -> FINISHED.contains(JsonFields.text(body, "status")));
  }

  /**
   * Why one method: each request works on what the request before made; split, each part would make
   * it again.
   */
  @Test
  void previewThenApplyOnceWithAnIdempotencyKey() throws Exception {
    // 10001 Billing and 10002 Technical Support are alice's and hosted; 10003 is bob's (Sales).
    // Other tests may have set states on them: start from none.
    awaitFinished(
        id(
            send(
                "POST",
                "/changes",
                "{\"agents\":[10001,10002],\"clear\":true}",
                "Authorization",
                ALICE)),
        ALICE);
    String body = "{\"agents\":[10001,10002,10003,5],\"code\":100,\"note\":\"api test\"}";
    HttpResponse<String> preview =
        send("POST", "/changes?dryRun=true", body, "Authorization", ALICE);
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body())
        .contains("\"total\":4")
        .contains("\"WILL_CHANGE\":2")
        .contains("\"OUT_OF_SCOPE\":1")
        .contains("\"INVALID_ID\":1")
        .doesNotContain("Ines"); // nothing about bob's agent but its id
    // the agents are paged: every count, and the agents from first, max of them, in id order
    HttpResponse<String> page =
        send("POST", "/changes?dryRun=true&first=1&max=2", body, "Authorization", ALICE);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body())
        .contains("\"total\":4")
        .contains("\"WILL_CHANGE\":2")
        .contains("\"first\":1");
    assertThat(page.body().split("\"agentId\":", -1)).hasSize(3);
    assertThat(page.body()).contains("\"agentId\":10001").contains("\"agentId\":10002");
    assertThat(
            send("POST", "/changes?dryRun=true&max=1001", body, "Authorization", ALICE)
                .statusCode())
        .isEqualTo(400);

    String key = "api-" + System.nanoTime();
    HttpResponse<String> made =
        send("POST", "/changes", body, "Authorization", ALICE, "Idempotency-Key", key);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    HttpResponse<String> again =
        send("POST", "/changes", body, "Authorization", ALICE, "Idempotency-Key", key);
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(id(again)).isEqualTo(id(made));

    String done = awaitFinished(id(made), ALICE);
    assertThat(done)
        .contains("\"status\":\"COMPLETED\"")
        .contains("\"succeeded\":2")
        .contains("\"skipped\":2")
        .contains("\"pending\":0");
    HttpResponse<String> outcomes =
        send(
            "GET",
            "/changes/" + id(made) + "/outcomes?status=SKIPPED",
            null,
            "Authorization",
            ALICE);
    assertThat(outcomes.body()).contains("\"total\":2").contains("Not one of your agents");

    HttpResponse<String> csv =
        send("GET", "/changes/" + id(made) + "/export", null, "Authorization", ALICE);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body()).startsWith("change,agent,name,team,target,previous,outcome");
    assertThat(csv.body().lines()).hasSize(5);

    // no Guid of any agent ever reaches the server's log
    assertThat(
            Pattern.compile(
                    "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.AgentGateway")
                .matcher(ConsoleServer.get().log())
                .find())
        .isFalse();
  }

  /**
   * Why one method: one table of bad requests, each refused with its own reason, read as one list.
   */
  @Test
  void badRequestsAreRefusedWithTheirReason() {
    assertThat(send("POST", "/changes", "{nope", "Authorization", ALICE))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(400))
        .satisfies(r -> assertThat(r.body()).contains("not valid JSON"));
    assertThat(send("POST", "/changes", "{\"agents\":[10001]}", "Authorization", ALICE).body())
        .contains("Choose a state code")
        .contains("\"field\":\"code\"");
    assertThat(
            send("POST", "/changes", "{\"agents\":[10001],\"code\":70000}", "Authorization", ALICE)
                .body())
        .contains("0..65534");
    assertThat(
            send("POST", "/changes", "{\"agents\":[\"x\"],\"code\":100}", "Authorization", ALICE)
                .statusCode())
        .isEqualTo(400);
    assertThat(
            send("POST", "/changes", "{\"agents\":[10001],\"code\":4242}", "Authorization", ALICE)
                .body())
        .contains("not in the catalog");
    // the API's own refusals, exactly as the records' unit tests (ChangeBodyTest) read them
    assertThat(
            send(
                "POST",
                "/changes",
                "{\"agents\":[10001],\"code\":\"abc\"}",
                "Authorization",
                ALICE))
        .satisfies(r -> assertThat(r.statusCode()).isEqualTo(400))
        .satisfies(
            r ->
                assertThat(r.body())
                    .isEqualTo(
                        "{\"status\":400,\"error\":\"code must be an integer\",\"field\":\"code\"}"));
    assertThat(
            send(
                    "POST",
                    "/changes",
                    "{\"agents\":[10001],\"clear\":\"yes\"}",
                    "Authorization",
                    ALICE)
                .body())
        .isEqualTo(
            "{\"status\":400,\"error\":\"clear must be true or false\",\"field\":\"clear\"}");
    assertThat(
            send(
                    "POST",
                    "/changes",
                    "{\"agents\":[10001],\"code\":70000,\"selection\":0}",
                    "Authorization",
                    ALICE,
                    "Accept-Language",
                    "zh-CN")
                .body())
        .as("several broken rules, each listed; the API's own sentences are English only")
        .isEqualTo(
            "{\"status\":400,\"error\":\"selection must be the id (a positive integer) of a"
                + " saved selection; code must be a state code 0..65534, was 70000\",\"field\":"
                + "\"selection\",\"errors\":[{\"field\":\"selection\",\"message\":\"selection"
                + " must be the id (a positive integer) of a saved selection\"},{\"field\":"
                + "\"code\",\"message\":\"code must be a state code 0..65534, was 70000\"}]}");
    assertThat(send("GET", "/changes/987654321", null, "Authorization", ALICE).statusCode())
        .isEqualTo(404);
    assertThat(send("GET", "/changes/abc", null, "Authorization", ALICE).statusCode())
        .isEqualTo(400);
    assertThat(
            send("GET", "/changes/1/outcomes?status=MAYBE", null, "Authorization", ADMIN)
                .statusCode())
        .isIn(400, 404);
    assertThat(send("POST", "/changes", "{\"agents\":[10001],\"code\":100}").statusCode())
        .isEqualTo(401);
    String relay = "Bearer " + Api.newRelayToken("no-changes-" + System.nanoTime() % 100000);
    assertThat(
            send("POST", "/changes", "{\"agents\":[10001],\"code\":100}", "Authorization", relay)
                .statusCode())
        .isEqualTo(403);
  }

  @Test
  void onlyTheCreatorOrAnAdminActsOnAChange() throws Exception {
    HttpResponse<String> made =
        send("POST", "/changes", "{\"agents\":[10001],\"code\":101}", "Authorization", ALICE);
    long id = id(made);
    awaitFinished(id, ALICE);
    assertThat(send("GET", "/changes/" + id, null, "Authorization", BOB).statusCode())
        .isEqualTo(404);
    assertThat(send("POST", "/changes/" + id + "/undo", null, "Authorization", BOB).statusCode())
        .isEqualTo(404);
    assertThat(send("GET", "/changes?max=500", null, "Authorization", BOB).body())
        .doesNotContain("\"id\":" + id + ",");
    assertThat(send("GET", "/changes/" + id, null, "Authorization", ADMIN).statusCode())
        .isEqualTo(200);
    assertThat(
            send("POST", "/changes/" + id + "/cancel", null, "Authorization", ALICE).statusCode())
        .isEqualTo(409);
    assertThat(
            send("POST", "/changes/" + id + "/retry-failed", null, "Authorization", ALICE).body())
        .contains("no failed agents");
    HttpResponse<String> undo =
        send("POST", "/changes/" + id + "/undo", null, "Authorization", ALICE);
    assertThat(undo.statusCode()).isEqualTo(201);
    assertThat(undo.body()).contains("\"kind\":\"UNDO\"").contains("\"originId\":" + id);
    assertThat(awaitFinished(id(undo), ALICE)).contains("\"succeeded\":1");
  }
}
