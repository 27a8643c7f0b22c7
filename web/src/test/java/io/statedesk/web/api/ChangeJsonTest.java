package io.statedesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.bulk.ChangeAction;
import io.statedesk.core.bulk.ChangeKind;
import io.statedesk.core.bulk.ChangeStatus;
import io.statedesk.core.bulk.ChangeView;
import io.statedesk.core.bulk.Counts;
import io.statedesk.core.bulk.OutcomeStatus;
import io.statedesk.core.bulk.Preview;
import io.statedesk.core.bulk.Verdict;
import io.statedesk.core.schedule.ScheduleStatus;
import io.statedesk.core.schedule.ScheduleView;
import io.statedesk.core.session.Availability;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The answers of the change and schedule endpoints as Payara's Yasson writes them: every member in
 * its order and its nulls written, exactly as the API answered when it built them as maps (a change
 * of shape fails here, without a server).
 */
class ChangeJsonTest {

  @RegisterExtension static final ServerLibraries server = new ServerLibraries();

  static final Instant CREATED = Instant.parse("2026-12-01T08:00:00Z");

  static ChangeView change(ChangeStatus status, Instant finished) {
    return new ChangeView(
        42,
        CREATED,
        "alice",
        ChangeKind.NEW,
        null,
        ChangeAction.SET,
        101,
        "Training",
        "#336699",
        null,
        true,
        status,
        null,
        false,
        4,
        CREATED.plusMillis(1500),
        finished,
        new Counts(1, 1, 1, 1, 0, 1, 0, 0, 2, 3, 1),
        null);
  }

  @Test
  void aChangeIsWrittenInItsOrderWithItsNulls() {
    assertThat(server.jsonb().toJson(ChangeJson.Change.of(change(ChangeStatus.RUNNING, null))))
        .isEqualTo(
            "{\"id\":42,\"createdAt\":\"2026-12-01T08:00:00Z\",\"createdBy\":\"alice\","
                + "\"kind\":\"NEW\",\"originId\":null,\"undoneBy\":null,\"action\":\"SET\","
                + "\"code\":101,\"codeLabel\":\"Training\",\"note\":null,\"verify\":true,"
                + "\"status\":\"RUNNING\",\"headline\":\"RUNNING\",\"statusDetail\":null,"
                + "\"cancelRequested\":false,\"total\":4,\"startedAt\":\"2026-12-01T08:00:01.500Z\","
                + "\"finishedAt\":null,\"counts\":{\"pending\":2,\"succeeded\":1,\"verified\":1,"
                + "\"failed\":0,\"noSession\":1,\"skipped\":0,\"cancelled\":0,\"held\":2,"
                + "\"reapplied\":3,\"drifted\":1}}");
  }

  @Test
  void aTeamScopedChangeHasItsTeamsCountsAndSaysSo() {
    Map<OutcomeStatus, Long> counted = new EnumMap<>(OutcomeStatus.class);
    for (OutcomeStatus s : OutcomeStatus.values()) {
      counted.put(s, (long) s.ordinal());
    }
    assertThat(
            server
                .jsonb()
                .toJson(
                    ChangeJson.Change.teamScoped(
                        change(ChangeStatus.COMPLETED, CREATED.plusSeconds(3)), counted)))
        .contains("\"headline\":\"COMPLETED_WITH_PROBLEMS\"")
        .contains("\"total\":21,")
        .contains("\"finishedAt\":\"2026-12-01T08:00:03Z\"")
        .endsWith(
            "\"counts\":{\"pending\":1,\"succeeded\":2,\"failed\":3,\"noSession\":4,"
                + "\"skipped\":5,\"cancelled\":6,\"verified\":null},\"teamScoped\":true}");
  }

  @Test
  void anOutcomeIsWrittenInItsOrderWithItsNulls() {
    assertThat(
            server
                .jsonb()
                .toJson(
                    new ChangeJson.Outcome(
                        10001,
                        "Ann",
                        "Billing",
                        101,
                        null,
                        false,
                        OutcomeStatus.FAILED,
                        false,
                        "100-006",
                        "No session",
                        2,
                        null,
                        CREATED,
                        0,
                        false)))
        .isEqualTo(
            "{\"agentId\":10001,\"name\":\"Ann\",\"team\":\"Billing\",\"target\":101,"
                + "\"previous\":null,\"previousKnown\":false,\"status\":\"FAILED\","
                + "\"verified\":false,\"retcode\":\"100-006\",\"reason\":\"No session\","
                + "\"attempts\":2,\"durationMs\":null,\"finishedAt\":\"2026-12-01T08:00:00Z\","
                + "\"reapplied\":0,\"drifted\":false}");
  }

  @Test
  void aPreviewListsItsPageAndEveryTotalInTheVerdictsOrder() {
    Preview preview =
        new Preview(
            List.of(
                new Preview.Row(
                    10001, "Ann", "Billing", null, Availability.HOSTED, Verdict.WILL_CHANGE, null),
                new Preview.Row(
                    10002, "Bo", null, 101, Availability.NONE, Verdict.NO_SESSION, "No session"),
                new Preview.Row(
                    10003, "Cy", "Sales", 7, Availability.HOSTED, Verdict.WILL_CHANGE, null)),
            Map.of(Verdict.WILL_CHANGE, 2, Verdict.NO_SESSION, 1),
            ChangeAction.SET,
            101,
            "Training",
            false);
    assertThat(server.jsonb().toJson(PreviewJson.PreviewPage.of(preview, 1, 1)))
        .isEqualTo(
            "{\"action\":\"SET\",\"code\":101,\"codeLabel\":\"Training\",\"total\":3,"
                + "\"confirmationRequired\":false,\"totals\":{\"WILL_CHANGE\":2,"
                + "\"ALREADY_IN_STATE\":0,\"NO_SESSION\":1,\"OUT_OF_SCOPE\":0,"
                + "\"CODE_NOT_OFFERED\":0,\"INVALID_ID\":0,\"CHANGED_SINCE\":0,"
                + "\"NOTHING_TO_RESTORE\":0},\"first\":1,"
                + "\"agents\":[{\"agentId\":10002,\"name\":\"Bo\",\"team\":null,"
                + "\"customState\":101,\"session\":\"NONE\",\"verdict\":\"NO_SESSION\","
                + "\"note\":\"No session\"}]}");
  }

  /** A row the planner skipped before looking the agent up has no session to show: null. */
  @Test
  void aSkippedRowHasNoSession() {
    Preview preview =
        new Preview(
            List.of(new Preview.Row(5, null, null, null, null, Verdict.INVALID_ID, null)),
            Map.of(Verdict.INVALID_ID, 1),
            ChangeAction.SET,
            101,
            "Training",
            false);
    assertThat(server.jsonb().toJson(PreviewJson.PreviewPage.of(preview, 0, 1)))
        .contains(
            "\"agents\":[{\"agentId\":5,\"name\":null,\"team\":null,"
                + "\"customState\":null,\"session\":null,\"verdict\":\"INVALID_ID\"");
  }

  @Test
  void pagesAndSchedulesAreWrittenInTheirOrder() {
    assertThat(server.jsonb().toJson(new ChangeJson.OutcomePage(7, 5, List.of())))
        .isEqualTo("{\"total\":7,\"first\":5,\"outcomes\":[]}");
    assertThat(server.jsonb().toJson(new ChangeJson.ChangePage(0, 0, List.of())))
        .isEqualTo("{\"total\":0,\"first\":0,\"changes\":[]}");
    ScheduleView schedule =
        new ScheduleView(
            9,
            CREATED,
            "alice",
            3,
            null,
            "Lunch",
            CREATED.plusSeconds(3600),
            null,
            ScheduleStatus.SCHEDULED,
            null,
            null,
            null);
    assertThat(
            server
                .jsonb()
                .toJson(new ScheduleJson.ScheduleList(List.of(ScheduleJson.Schedule.of(schedule)))))
        .isEqualTo(
            "{\"schedules\":[{\"id\":9,\"createdAt\":\"2026-12-01T08:00:00Z\","
                + "\"createdBy\":\"alice\",\"agents\":3,\"code\":null,\"clear\":true,"
                + "\"note\":\"Lunch\",\"startAt\":\"2026-12-01T09:00:00Z\",\"revertAt\":null,"
                + "\"status\":\"SCHEDULED\",\"statusDetail\":null,\"changeId\":null,"
                + "\"revertChangeId\":null,\"editable\":true}]}");
  }

  @Test
  void anAnswerRoundTrips() {
    ChangeJson.Change change = ChangeJson.Change.of(change(ChangeStatus.COMPLETED, CREATED));
    String json = server.jsonb().toJson(change.counts());
    assertThat(server.jsonb().fromJson(json, ChangeJson.AllCounts.class))
        .isEqualTo(change.counts());
    ScheduleJson.Schedule schedule =
        ScheduleJson.Schedule.of(
            new ScheduleView(
                1,
                CREATED,
                "bob",
                1,
                7,
                null,
                CREATED,
                CREATED,
                ScheduleStatus.DONE,
                null,
                3L,
                4L));
    assertThat(
            server.jsonb().fromJson(server.jsonb().toJson(schedule), ScheduleJson.Schedule.class))
        .isEqualTo(schedule);
  }

  @Test
  void everyAnswerFixesTheOrderOfAllItsMembers() {
    CatalogBodiesTest.assertOrdered(ChangeJson.class, ScheduleJson.class);
  }
}
