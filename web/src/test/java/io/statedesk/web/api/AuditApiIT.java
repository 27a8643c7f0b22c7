package io.statedesk.web.api;

import static io.statedesk.web.api.Api.basic;
import static io.statedesk.web.api.Api.send;
import static io.statedesk.web.api.ChangeApiIT.awaitFinished;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.JsonFields;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/audit}: the filters, keyset paging, a supervisor's scope (their own actions and their
 * teams' agents), an agent's history, the CSV export, and the events that were not audited before
 * (schedules). Agents: 10049 and 10055 are alice's (Billing), 10051 is bob's (Sales).
 */
class AuditApiIT {

  static final String ALICE = basic("alice", "alice-demo");
  static final String BOB = basic("bob", "bob-demo");
  static final String ADMIN = basic("admin", "admin-demo");

  @BeforeEach
  void directory() {
    ApiCalls.syncDirectory();
  }

  static HttpResponse<String> audit(String query, String auth) {
    return send("GET", "/audit?" + query, null, "Authorization", auth);
  }

  static String q(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  static List<Long> ids(String body) {
    return JsonFields.numbers(body, "id");
  }

  /**
   * Why one method: each request works on what the request before made; split, each part would make
   * it again.
   */
  @Test
  void filtersPagesAndScopeAgreeWithWhatWasDone() {
    String note = "audit-it-" + System.nanoTime();
    long alices =
        ChangeApiIT.id(
            send(
                "POST",
                "/changes",
                "{\"agents\":[10049,10055],\"code\":100,\"note\":\"" + note + "\"}",
                "Authorization",
                ALICE));
    awaitFinished(alices, ALICE);
    long bobs =
        ChangeApiIT.id(
            send("POST", "/changes", "{\"agents\":[10051],\"code\":100}", "Authorization", BOB));
    awaitFinished(bobs, BOB);

    // the change's events: made by alice (with the note), finished by the system
    HttpResponse<String> byChange = audit("change=" + alices, ADMIN);
    assertThat(byChange.statusCode()).as(byChange.body()).isEqualTo(200);
    assertThat(byChange.body())
        .contains("\"action\":\"bulk.submitted\"")
        .contains("\"action\":\"bulk.finished\"")
        .contains(note)
        .contains("\"changeId\":" + alices);
    // the agent filter finds the changes that included the agent
    assertThat(audit("agent=10055&what=CHANGES", ADMIN).body())
        .contains("\"changeId\":" + alices)
        .doesNotContain("\"changeId\":" + bobs + ",");
    assertThat(audit("agent=10051&what=changes", ADMIN).body()).contains("\"changeId\":" + bobs);

    // keyset paging: one event a page, each older than the one before, none twice
    // (up to now: alice's changes made meanwhile by tests running beside this one stay out)
    String upTo = "actor=alice&what=CHANGES&to=" + Instant.now();
    String first = audit(upTo + "&max=1", ADMIN).body();
    String next = JsonFields.text(first, "next", null);
    assertThat(next).as(first).isNotNull();
    String second = audit(upTo + "&max=1&after=" + q(next), ADMIN).body();
    assertThat(ids(second)).hasSize(1).doesNotContainAnyElementsOf(ids(first));
    assertThat(audit(upTo + "&max=2", ADMIN).body())
        .as("the two pages are the first two events")
        .contains("\"id\":" + ids(first).get(0) + ",")
        .contains("\"id\":" + ids(second).get(0) + ",");

    // scope: each supervisor reads their own change, not the other's (other teams' agents)
    assertThat(ids(audit("change=" + alices, ALICE).body())).isNotEmpty();
    assertThat(ids(audit("change=" + alices, BOB).body())).isEmpty();
    assertThat(ids(audit("change=" + bobs, ALICE).body())).isEmpty();
    assertThat(ids(audit("change=" + bobs, BOB).body())).isNotEmpty();
    // nor the admin's own actions that concern no agent of theirs
    assertThat(ids(audit("actor=admin&what=DIRECTORY", ADMIN).body())).isNotEmpty();
    assertThat(ids(audit("actor=admin&what=DIRECTORY", ALICE).body())).isEmpty();

    // wrong filters are refused with the field
    HttpResponse<String> what = audit("what=NOPE", ADMIN);
    assertThat(what.statusCode()).isEqualTo(400);
    assertThat(what.body()).contains("\"field\":\"what\"").contains("SIGN_IN");
    HttpResponse<String> after = audit("after=abc", ADMIN);
    assertThat(after.statusCode()).isEqualTo(400);
    assertThat(after.body()).contains("\"field\":\"after\"");
    assertThat(audit("max=501", ADMIN).statusCode()).isEqualTo(400);
    assertThat(audit("", basic("nobody", "x")).statusCode()).isEqualTo(401);
  }

  @Test
  void anAgentsHistorySaysWhoGaveWhichStateThroughWhichChange() {
    long made =
        ChangeApiIT.id(
            send(
                "POST",
                "/changes",
                "{\"agents\":[10049],\"code\":101,\"note\":\"history\"}",
                "Authorization",
                ALICE));
    awaitFinished(made, ALICE);
    HttpResponse<String> history = send("GET", "/audit/agents/10049", null, "Authorization", ALICE);
    assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
    assertThat(history.body())
        .contains("\"agentId\":10049")
        .contains("\"team\":\"Billing\"")
        .contains("\"changeId\":" + made + ",")
        .contains("\"by\":\"alice\"")
        .contains("\"target\":101")
        .contains("\"label\":\"Coaching\"")
        .contains("\"outcome\":\"SUCCEEDED\"");
    assertThat(send("GET", "/audit/agents/10049", null, "Authorization", BOB).statusCode())
        .as("not one of bob's agents")
        .isEqualTo(403);
    assertThat(send("GET", "/audit/agents/x", null, "Authorization", ADMIN).statusCode())
        .isEqualTo(400);
  }

  @Test
  void theExportIsUtf8WithAByteOrderMarkAndTheFilterOfThePage() {
    String note = "export-" + System.nanoTime() + " 导出";
    long made =
        ChangeApiIT.id(
            send(
                "POST",
                "/changes",
                "{\"agents\":[10055],\"code\":100,\"note\":\"" + note + "\"}",
                "Authorization",
                ALICE));
    awaitFinished(made, ALICE);
    HttpResponse<String> csv =
        send("GET", "/audit/export?change=" + made, null, "Authorization", ALICE);
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body())
        .startsWith("\uFEFFat_utc,actor,action,subject,agent,change,detail,source_ip")
        .contains(note)
        .contains("bulk.submitted")
        .doesNotContainIgnoringCase("guid")
        .doesNotContain("alice-demo");
    assertThat(csv.body().lines().skip(1))
        .allSatisfy(l -> assertThat(l).contains(",change " + made + ","));
  }

  @Test
  void schedulesAreAuditedFromCreationToCancellation() {
    Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    long id =
        ChangeApiIT.id(
            send(
                "POST",
                "/schedules",
                "{\"agents\":[10049],\"code\":101,\"startAt\":\"" + start + "\"}",
                "Authorization",
                ALICE));
    assertThat(
            send("POST", "/schedules/" + id + "/cancel", null, "Authorization", ALICE).statusCode())
        .isEqualTo(200);
    String events = audit("actor=alice&what=SCHEDULES&max=50", ALICE).body();
    assertThat(events)
        .contains("\"subject\":\"schedule " + id + "\"")
        .contains("\"action\":\"schedule.created\"")
        .contains("\"action\":\"schedule.cancelled\"")
        .contains("state 101 on 1 agent(s) at " + start);
  }
}
