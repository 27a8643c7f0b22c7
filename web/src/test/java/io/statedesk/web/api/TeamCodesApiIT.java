package io.statedesk.web.api;

import static io.statedesk.web.api.Api.basic;
import static io.statedesk.web.api.Api.send;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A code limited to teams is set only on agents of those teams: the preview says "code not offered
 * to this agent's team" per agent, a change or a schedule including such an agent is refused with
 * the agents named, and teams are only those of the directory. Agents: 10051 is Sales, 10049
 * Billing.
 */
class TeamCodesApiIT {

  static final String ADMIN = basic("admin", "admin-demo");
  static final String BOB = basic("bob", "bob-demo");
  static final int SALES_ONLY = 3702; // not in CatalogApiIT's reserved 3200..3250

  @BeforeEach
  void salesOnlyCode() {
    ApiCalls.syncDirectory();
    HttpResponse<String> made =
        send(
            "POST",
            "/catalog",
            "{\"code\":"
                + SALES_ONLY
                + ",\"label\":\"Sales only (IT)\",\"colour\":\"#123456\",\"teams\":[\"Sales\"]}",
            "Authorization",
            ADMIN);
    assertThat(made.statusCode() == 201 || made.body().contains("already exists"))
        .as(made.body())
        .isTrue();
  }

  @Test
  void theCodeIsOfferedToItsTeamsAgentsOnly() {
    String both = "{\"agents\":[10049,10051],\"code\":" + SALES_ONLY + "}";
    HttpResponse<String> preview =
        send("POST", "/changes?dryRun=true", both, "Authorization", ADMIN);
    assertThat(preview.statusCode()).as(preview.body()).isEqualTo(200);
    assertThat(preview.body())
        .contains("\"CODE_NOT_OFFERED\":1")
        .containsPattern("\"agentId\":10049,[^}]*\"verdict\":\"CODE_NOT_OFFERED\"");

    HttpResponse<String> refused = send("POST", "/changes", both, "Authorization", ADMIN);
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body())
        .contains("\"field\":\"agents\"")
        .contains("is not offered to the team of 1 chosen agent(s): 10049 (Billing)");

    Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    HttpResponse<String> scheduled =
        send(
            "POST",
            "/schedules",
            "{\"agents\":[10049],\"code\":" + SALES_ONLY + ",\"startAt\":\"" + start + "\"}",
            "Authorization",
            ADMIN);
    assertThat(scheduled.statusCode()).isEqualTo(400);
    assertThat(scheduled.body()).contains("10049 (Billing)");

    HttpResponse<String> salesOnly =
        send(
            "POST",
            "/changes",
            "{\"agents\":[10051],\"code\":" + SALES_ONLY + "}",
            "Authorization",
            BOB);
    assertThat(salesOnly.statusCode()).as(salesOnly.body()).isEqualTo(201);
    ChangeApiIT.awaitFinished(ChangeApiIT.id(salesOnly), BOB);
  }

  @Test
  void teamsAreTheDirectorysOnly() {
    HttpResponse<String> typo =
        send(
            "POST",
            "/catalog",
            "{\"code\":3203,\"label\":\"Typo team\",\"colour\":\"#123456\",\"teams\":[\"Salse\"]}",
            "Authorization",
            ADMIN);
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.body()).contains("not a team of the agent directory: Salse");
    HttpResponse<String> users =
        send(
            "PUT",
            "/users/bob/teams",
            "{\"teams\":[\"Sales\",\"Nite Shift\"]}",
            "Authorization",
            ADMIN);
    assertThat(users.statusCode()).isEqualTo(400);
    assertThat(users.body()).contains("\"field\":\"teams\"").contains("Nite Shift");
  }
}
