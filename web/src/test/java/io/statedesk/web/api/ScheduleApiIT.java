package io.statedesk.web.api;

import static io.statedesk.testkit.JsonFields.number;
import static io.statedesk.web.api.Api.basic;
import static io.statedesk.web.api.Api.send;
import static io.statedesk.web.api.ChangeApiIT.awaitFinished;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.JsonFields;
import io.statedesk.testkit.SimulatorControl;
import io.statedesk.web.ConsoleServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/schedules}: schedule (once per key), preview, edit and cancel before the start,
 * scope, bad input; and a schedule that starts and reverts on time, read back at the simulator.
 */
class ScheduleApiIT {

  static final String ALICE = basic("alice", "alice-demo");
  static final String BOB = basic("bob", "bob-demo");

  @BeforeEach
  void directory() {
    ApiCalls.syncDirectory();
  }

  @Test
  void aScheduleStartsAndRevertsOnTimeAndOnceEach() throws Exception {
    // 10013 and 10019 are alice's (Billing) and hosted: give them a known state first
    awaitFinished(
        ChangeApiIT.id(
            send(
                "POST",
                "/changes",
                "{\"agents\":[10013,10019],\"code\":100}",
                "Authorization",
                ALICE)),
        ALICE);
    long recorded = simulatorCallsSoFar(); // earlier tests set these agents too
    Instant start = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
    String body =
        "{\"agents\":[10013,10019],\"code\":101,\"startAt\":\""
            + start
            + "\",\"revertAfterSeconds\":6}";
    HttpResponse<String> made =
        send("POST", "/schedules", body, "Authorization", ALICE, "Idempotency-Key", "sched-1");
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    long id = ChangeApiIT.id(made);
    HttpResponse<String> again =
        send("POST", "/schedules", body, "Authorization", ALICE, "Idempotency-Key", "sched-1");
    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(ChangeApiIT.id(again)).isEqualTo(id);

    String started = await("/schedules/" + id, "\"status\":\"(RUNNING|REVERTING|DONE)\"", 30);
    long change = number(started, "changeId");
    awaitFinished(change, ALICE);
    String done = await("/schedules/" + id, "\"status\":\"DONE\"", 40);
    assertThat(done).contains("\"revertChangeId\":");
    // what the gateway was told, and when: 101 not before the start, 100 not before the revert
    // (read from the simulator's record, as the state itself may already be reverted when the
    // first poll sees the schedule running)
    long revertAt = start.plusSeconds(6).toEpochMilli();
    for (int agent : new int[] {10013, 10019}) {
      List<long[]> sets = acceptedSets(agent, recorded);
      long setAt =
          sets.stream()
              .filter(c -> c[1] == 101)
              .mapToLong(c -> c[0])
              .findFirst()
              .orElseThrow(() -> new AssertionError("no accepted 101 for " + agent + ": " + sets));
      assertThat(setAt).as("101 set for " + agent).isGreaterThanOrEqualTo(start.toEpochMilli());
      long revertedAt =
          sets.stream()
              .filter(c -> c[1] == 100 && c[0] > setAt)
              .mapToLong(c -> c[0])
              .findFirst()
              .orElseThrow(() -> new AssertionError("no revert to 100 for " + agent + ": " + sets));
      assertThat(revertedAt).as("revert for " + agent).isGreaterThanOrEqualTo(revertAt);
      assertThat(sets.stream().filter(c -> c[0] > setAt && c[1] == 101)).isEmpty();
      assertThat(ApiCalls.simulatorState(agent)).isEqualTo(100);
    }
    String history = send("GET", "/changes?max=500", null, "Authorization", ALICE).body();
    assertThat(count(history, "\"note\":\"Scheduled change " + id + "\"")).isEqualTo(1);
    assertThat(count(history, "\"kind\":\"REVERT\",\"originId\":" + change)).isEqualTo(1);
  }

  @Test
  void aScheduleIsEditedAndCancelledBeforeItStartsByItsCreatorOnly() throws Exception {
    // another test may have left 10043 in 101: give it a known, different state first
    awaitFinished(
        ChangeApiIT.id(
            send("POST", "/changes", "{\"agents\":[10043],\"code\":100}", "Authorization", ALICE)),
        ALICE);
    Instant start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
    String body = "{\"agents\":[10043],\"code\":101,\"startAt\":\"" + start + "\"}";
    HttpResponse<String> preview =
        send("POST", "/schedules?dryRun=true", body, "Authorization", ALICE);
    assertThat(preview.statusCode()).isEqualTo(200);
    assertThat(preview.body()).contains("\"WILL_CHANGE\":1");
    long id = ChangeApiIT.id(send("POST", "/schedules", body, "Authorization", ALICE));

    String later = start.plusSeconds(3600).toString();
    HttpResponse<String> edited =
        send(
            "PUT",
            "/schedules/" + id,
            "{\"code\":102,\"startAt\":\"" + later + "\"}",
            "Authorization",
            ALICE);
    assertThat(edited.statusCode()).as(edited.body()).isEqualTo(200);
    assertThat(edited.body()).contains("\"code\":102").contains("\"startAt\":\"" + later + "\"");
    assertThat(send("GET", "/schedules/" + id, null, "Authorization", BOB).statusCode())
        .isEqualTo(404);
    assertThat(
            send("POST", "/schedules/" + id + "/cancel", null, "Authorization", BOB).statusCode())
        .isEqualTo(404);
    HttpResponse<String> cancelled =
        send("POST", "/schedules/" + id + "/cancel", null, "Authorization", ALICE);
    assertThat(cancelled.body()).contains("\"status\":\"CANCELLED\"");
    assertThat(
            send("POST", "/schedules/" + id + "/cancel", null, "Authorization", ALICE).statusCode())
        .isEqualTo(200); // a double click
    assertThat(
            send(
                    "PUT",
                    "/schedules/" + id,
                    "{\"startAt\":\"" + later + "\"}",
                    "Authorization",
                    ALICE)
                .statusCode())
        .isEqualTo(409);
  }

  @Test
  void badSchedulesAreRefusedWithTheirReason() {
    HttpResponse<String> noStart =
        send("POST", "/schedules", "{\"agents\":[10043],\"code\":101}", "Authorization", ALICE);
    assertThat(noStart.statusCode()).isEqualTo(400);
    assertThat(noStart.body()).contains("startAt");
    HttpResponse<String> past =
        send(
            "POST",
            "/schedules",
            "{\"agents\":[10043],\"code\":101,\"startAt\":\"2020-01-01T00:00:00Z\"}",
            "Authorization",
            ALICE);
    assertThat(past.statusCode()).isEqualTo(400);
    assertThat(past.body()).contains("in the past");
    String start = Instant.now().plusSeconds(3600).toString();
    HttpResponse<String> backwards =
        send(
            "POST",
            "/schedules",
            "{\"agents\":[10043],\"code\":101,\"startAt\":\""
                + start
                + "\",\"revertAt\":\"2020-01-01T00:00:00Z\"}",
            "Authorization",
            ALICE);
    assertThat(backwards.statusCode()).isEqualTo(400);
    assertThat(backwards.body()).contains("revertAt");
  }

  static String await(String path, String pattern, int seconds) {
    Pattern p = Pattern.compile(pattern);
    return Awaitility.await(pattern + " in " + path)
        .atMost(Duration.ofSeconds(seconds))
        .pollInterval(Duration.ofMillis(250))
        .until(
            () -> send("GET", path, null, "Authorization", ALICE).body(),
            body -> p.matcher(body).find());
  }

  static int count(String text, String part) {
    return text.split(Pattern.quote(part), -1).length - 1;
  }

  /**
   * The set-custom-state calls the simulator accepted for the agent after the call numbered {@code
   * afterSeq}, oldest first, as {@code [at (epoch ms), state]}.
   */
  static List<long[]> acceptedSets(int agent, long afterSeq) throws Exception {
    String calls =
        SimulatorControl.at(Api.HTTP, ConsoleServer.get().baseUrl())
            .requests(
                "operation=setCustomState&limit=100000&agent=" + agent + "&after=" + afterSeq);
    List<long[]> sets = new ArrayList<>();
    for (String call : JsonFields.objects(calls, "seq")) {
      String query = JsonFields.text(call, "query", "");
      if (query.matches("customstate=\\d+") && "0".equals(JsonFields.text(call, "retcode", ""))) {
        sets.add(new long[] {JsonFields.number(call, "at"), Long.parseLong(query.substring(12))});
      }
    }
    return sets;
  }

  /** How many calls the simulator has recorded so far (the sequence number of the last one). */
  static long simulatorCallsSoFar() throws Exception {
    String summary = SimulatorControl.at(Api.HTTP, ConsoleServer.get().baseUrl()).summary();
    return number(summary, "total");
  }
}
