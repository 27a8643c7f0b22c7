package io.statedesk.web.api;

import static io.statedesk.web.api.Api.basic;
import static io.statedesk.web.api.Api.send;
import static io.statedesk.web.api.ApiCalls.simulatorState;
import static io.statedesk.web.api.ChangeApiIT.awaitFinished;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.JsonFields;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/selections} and {@code selection} in a change's body: a dynamic selection is
 * re-evaluated when used and only ever within the user's teams, a fixed one keeps its agents,
 * sharing reaches the team's supervisors and no one else, only the owner (or an admin) deletes, and
 * a change made through a selection is read back at the simulator.
 */
class SelectionApiIT {

  static final String ALICE = basic("alice", "alice-demo");
  static final String BOB = basic("bob", "bob-demo");
  static final String ADMIN = basic("admin", "admin-demo");

  /**
   * The catalog code this class creates: its own, never one another class creates or reserves on
   * the same shared console (a random code in 5000..5999 once fell into CatalogRangesIT's range
   * 5600..5649 and changed the warning that class reads).
   */
  static final int CODE = 5801;

  // The simulator's teams go round agent by agent: 10003 is Sales (bob's); 10035 and 10041 are
  // Chinese Desk (alice's); 10013 and 10019 Billing (alice's). All are hosted (10001-10060).

  @BeforeEach
  void directory() {
    ApiCalls.syncDirectory();
  }

  static long id(HttpResponse<String> r) {
    return JsonFields.number(r.body(), "id");
  }

  static List<Integer> agentsOf(long selection, String auth) {
    String body =
        send("GET", "/selections/" + selection + "/agents", null, "Authorization", auth).body();
    return JsonFields.numberArray(body, "agents").stream().map(Long::intValue).toList();
  }

  static void changeAndWait(String auth, String body) {
    HttpResponse<String> made = send("POST", "/changes", body, "Authorization", auth);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    assertThat(awaitFinished(id(made), auth))
        .contains("\"status\":\"COMPLETED\"")
        .contains("\"failed\":0")
        .contains("\"noSession\":0");
  }

  /**
   * Why one method: each request works on what the request before made; split, each part would make
   * it again.
   */
  @Test
  void aDynamicSelectionIsReEvaluatedWithinTheUsersTeamsAndItsChangeIsReadBack() throws Exception {
    int code = CODE;
    assertThat(
            send(
                    "POST",
                    "/catalog",
                    CatalogApiIT.body(code, "Selection " + code),
                    "Authorization",
                    ADMIN)
                .statusCode())
        .isIn(201, 409);
    changeAndWait(ALICE, "{\"agents\":[10035,10041],\"code\":" + code + "}");
    changeAndWait(ADMIN, "{\"agents\":[10003],\"code\":" + code + "}");

    HttpResponse<String> saved =
        send(
            "POST",
            "/selections",
            "{\"name\":\"In "
                + code
                + " <b>&'\\\"\",\"filter\":{\"teams\":[\"Chinese Desk\",\"Sales\"],\"customState\":"
                + code
                + "}}",
            "Authorization",
            ALICE);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    long selection = id(saved);
    assertThat(saved.body())
        .contains("\"name\":\"In " + code + " <b>&'")
        .contains("\"kind\":\"DYNAMIC\"")
        .contains("\"shared\":false");
    assertThat(send("GET", "/selections", null, "Authorization", ALICE).body())
        .contains("\"id\":" + selection + ",");

    // alice's scope leaves bob's Sales agent out, though her filter names Sales; an admin using the
    // same selection gets it
    assertThat(agentsOf(selection, ALICE)).containsExactly(10035, 10041);
    assertThat(agentsOf(selection, ADMIN)).containsExactly(10003, 10035, 10041);
    // private: bob can neither see nor use it, and cannot tell it exists
    assertThat(send("GET", "/selections/" + selection, null, "Authorization", BOB).statusCode())
        .isEqualTo(404);
    assertThat(
            send(
                    "POST",
                    "/changes?dryRun=true",
                    "{\"selection\":" + selection + ",\"code\":100}",
                    "Authorization",
                    BOB)
                .statusCode())
        .isEqualTo(404);

    // re-evaluated when used: one of the two leaves the filter
    changeAndWait(ALICE, "{\"agents\":[10041],\"code\":101}");
    assertThat(agentsOf(selection, ALICE)).containsExactly(10035);
    assertThat(
            send(
                    "POST",
                    "/changes?dryRun=true",
                    "{\"selection\":" + selection + ",\"code\":100}",
                    "Authorization",
                    ALICE)
                .body())
        .contains("\"total\":1");

    changeAndWait(ALICE, "{\"selection\":" + selection + ",\"code\":100}");
    assertThat(simulatorState(10035)).isEqualTo(100);
    assertThat(simulatorState(10041)).as("left the selection before it was used").isEqualTo(101);
    assertThat(simulatorState(10003)).as("bob's agent untouched").isEqualTo(code);
    assertThat(agentsOf(selection, ALICE)).isEmpty();

    assertThat(
            send("GET", "/audit?what=SELECTIONS&actor=alice", null, "Authorization", ADMIN).body())
        .contains("selection " + selection);
  }

  /**
   * Why one method: each request works on what the request before made; split, each part would make
   * it again.
   */
  @Test
  void aFixedSelectionSharedWithATeamReachesItsSupervisorsOnly() throws Exception {
    String name = "Billing pair " + System.nanoTime();
    assertThat(
            send(
                    "POST",
                    "/selections",
                    "{\"name\":\"" + name + "\",\"agents\":[10013,10003],\"team\":\"Billing\"}",
                    "Authorization",
                    ALICE)
                .body())
        .as("bob's agent cannot be saved by alice")
        .contains("not yours");
    assertThat(
            send(
                    "POST",
                    "/selections",
                    "{\"name\":\"x\",\"agents\":[10013],\"team\":\"Sales\"}",
                    "Authorization",
                    ALICE)
                .body())
        .contains("shared only with one of your teams");
    HttpResponse<String> saved =
        send(
            "POST",
            "/selections",
            "{\"name\":\"" + name + "\",\"agents\":[10019,10013],\"team\":\"Billing\"}",
            "Authorization",
            ALICE);
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(201);
    long selection = id(saved);
    assertThat(saved.body()).contains("\"kind\":\"FIXED\"").contains("\"agents\":[10013,10019]");
    HttpResponse<String> again =
        send(
            "POST",
            "/selections",
            "{\"name\":\"" + name.toUpperCase() + "\",\"agents\":[10013]}",
            "Authorization",
            ALICE);
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(again.body()).contains("already have a selection named");

    assertThat(send("GET", "/selections/" + selection, null, "Authorization", BOB).statusCode())
        .as("bob leads no Billing agents")
        .isEqualTo(404);
    try {
      assertThat(
              send(
                      "PUT",
                      "/users/bob/teams",
                      "{\"teams\":[\"Sales\",\"Retention\",\"Back Office\",\"Billing\"]}",
                      "Authorization",
                      ADMIN)
                  .statusCode())
          .isEqualTo(200);
      assertThat(send("GET", "/selections", null, "Authorization", BOB).body())
          .contains("\"id\":" + selection + ",")
          .contains("\"mine\":false");
      assertThat(
              send("DELETE", "/selections/" + selection, null, "Authorization", BOB).statusCode())
          .as("shared is not handed over")
          .isEqualTo(403);
      // bob uses alice's shared selection: his change, on the agents of it that are his
      changeAndWait(BOB, "{\"agents\":[10013,10019],\"code\":101}");
      changeAndWait(BOB, "{\"selection\":" + selection + ",\"code\":102,\"note\":\"shared\"}");
      assertThat(simulatorState(10013)).isEqualTo(102);
      assertThat(simulatorState(10019)).isEqualTo(102);
    } finally {
      send(
          "PUT",
          "/users/bob/teams",
          "{\"teams\":[\"Sales\",\"Retention\",\"Back Office\"]}",
          "Authorization",
          ADMIN);
    }
    assertThat(
            send(
                    "POST",
                    "/changes",
                    "{\"selection\":" + selection + ",\"agents\":[10013],\"code\":100}",
                    "Authorization",
                    ALICE)
                .body())
        .contains("not several");
    assertThat(
            send("DELETE", "/selections/" + selection, null, "Authorization", ALICE).statusCode())
        .isEqualTo(204);
    assertThat(send("GET", "/selections/" + selection, null, "Authorization", ALICE).statusCode())
        .isEqualTo(404);
  }

  @Test
  void badSelectionsAreRefusedWithTheirReason() {
    assertThat(
            send("POST", "/selections", "{\"name\":\" \",\"filter\":{}}", "Authorization", ALICE)
                .body())
        .contains("Give the selection a name")
        .contains("\"field\":\"name\"");
    assertThat(
            send(
                    "POST",
                    "/selections",
                    "{\"name\":\"" + "x".repeat(81) + "\",\"filter\":{}}",
                    "Authorization",
                    ALICE)
                .body())
        .contains("at most 80 characters");
    assertThat(
            send("POST", "/selections", "{\"name\":\"both\"}", "Authorization", ALICE).statusCode())
        .isEqualTo(400);
    assertThat(
            send("POST", "/changes", "{\"selection\":\"x\",\"code\":100}", "Authorization", ALICE)
                .statusCode())
        .isEqualTo(400);
    assertThat(send("GET", "/selections/987654321", null, "Authorization", ALICE).statusCode())
        .isEqualTo(404);
    String relay = "Bearer " + Api.newRelayToken("no-selections-" + System.nanoTime() % 100000);
    assertThat(send("GET", "/selections", null, "Authorization", relay).statusCode())
        .isEqualTo(403);
  }
}
