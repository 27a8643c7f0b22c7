package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.JsonFields;
import io.statedesk.web.api.ApiCalls;
import io.statedesk.web.pages.AgentsPage;
import io.statedesk.web.pages.SchedulePage;
import io.statedesk.web.pages.SetStateDialog;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Schedule page: a supervisor's upcoming change is listed with its times in their zone, and
 * cancelled from the page (a second click changes nothing); History points to it.
 */
class ScheduleIT extends BrowserTest {

  @BeforeEach
  void directorySynced() {
    ApiCalls.syncDirectory();
  }

  @Test
  void anUpcomingChangeIsListedAndCancelledBeforeItStarts() throws Exception {
    Instant start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String body =
        "{\"agents\":[10031,10037],\"code\":101,\"note\":\"Training <i>B</i>\",\"startAt\":\""
            + start
            + "\",\"revertAfterSeconds\":3600}";
    HttpResponse<String> made = api("POST", "/schedules", body);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    String id = String.valueOf(JsonFields.number(made.body(), "id"));

    signIn("alice", "alice-demo");
    String table = openSchedule().awaitShown().table();
    assertThat(table).contains("upcoming").contains("Training <i>B</i>");
    screenshot("ScheduleIT-upcoming");

    // the agents table with desired states, and the Set-state dialog scheduling for later
    AgentsPage picker = openAgents();
    screenshot("ScheduleIT-agents");
    SetStateDialog dialog = picker.pick(0).setState().later();
    assertThat(dialog.when()).contains("Times are in your time zone");
    screenshot("ScheduleIT-dialog");

    assertThat(openHistory().upcoming()).containsPattern("\\d+ scheduled changes? upcoming");

    SchedulePage schedule = openSchedule().cancel(id);
    // cancelled schedules leave the "open only" list
    assertThat(schedule.offersCancel(id)).isFalse();
    assertThat(api("GET", "/schedules/" + id, null).body()).contains("\"status\":\"CANCELLED\"");
  }

  static HttpResponse<String> api(String method, String path, String json) {
    return ApiCalls.as("alice", "alice-demo", method, path, json);
  }
}
