package io.statedesk.web.api;

import static io.statedesk.web.api.ServerLibraries.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.bulk.ChangeRequest;
import io.statedesk.core.bulk.StateTarget;
import io.statedesk.core.directory.AgentFilter;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.session.Availability;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The bodies of {@code POST /api/changes}, {@code POST /api/schedules} and {@code PUT
 * /api/schedules/{id}} as their records bind them (Payara's Yasson and Hibernate Validator), and
 * each malformed member's refusal as the client reads it: the sentence, the field, nothing else.
 */
class ChangeBodyTest {

  @RegisterExtension static final ServerLibraries server = new ServerLibraries();

  static <T extends Record> T bind(String body, Class<T> type) {
    return server.bind(body, type);
  }

  static String refusal(Runnable request) {
    return server.refusal(request);
  }

  static String refusal(String body, Class<? extends Record> type) {
    return refusal(() -> bind(body, type));
  }

  @Test
  void aTypicalChangeBindsAsCoreReadsIt() {
    ChangeBody body =
        bind(
            "{\"agents\":[10001,10002,70000000000],\"code\":101,\"note\":\"Training\","
                + "\"verify\":null,\"confirmCount\":3,\"clear\":false}",
            ChangeBody.class);
    assertThat(body)
        .isEqualTo(
            new ChangeBody(
                List.of(10001L, 10002L, 70000000000L),
                null,
                null,
                101,
                false,
                "Training",
                null,
                3));
    ChangeRequest request = body.toRequest("key-1");
    assertThat(request.agentIds()).containsExactly(10001, 10002, -1); // beyond int: no agent's id
    assertThat(request.target()).isEqualTo(StateTarget.set(101));
    assertThat(request.note()).isEqualTo("Training");
    assertThat(request.idempotencyKey()).isEqualTo("key-1");
    assertThat(request.verify()).as("null: the configured default").isNull();
    assertThat(request.confirmCount()).isEqualTo(3);
  }

  @Test
  void aFilterBindsWithStatesInAnyCase() {
    ChangeBody body =
        bind(
            "{\"filter\":{\"teams\":[\"Billing\"],\"states\":[\"idle\",\" Talking \"],"
                + "\"customState\":101,\"text\":\"ann\",\"skill\":\"fr\",\"sessions\":[\"hosted\"],"
                + "\"skills\":[\"de\"]},\"clear\":true,\"verify\":true,\"selection\":null}",
            ChangeBody.class);
    AgentFilter filter = body.toRequest(null).filter();
    assertThat(filter.teams()).containsExactly("Billing");
    assertThat(filter.states()).isEqualTo(Set.of(GatewayState.IDLE, GatewayState.TALKING));
    assertThat(filter.customState()).isEqualTo(101);
    assertThat(filter.text()).isEqualTo("ann");
    assertThat(filter.skill()).isEqualTo("fr");
    assertThat(filter.sessions()).containsExactly(Availability.HOSTED);
    assertThat(filter.skills()).containsExactly("de");
    assertThat(body.toRequest(null).target()).isEqualTo(StateTarget.clear());
    assertThat(body.toRequest(null).verify()).isTrue();
  }

  @Test
  void aBodyThatIsNoJsonObjectIsRefusedWithItsReason() {
    assertThat(refusal(() -> Json.object("{nope")))
        .isEqualTo("{\"status\":400,\"error\":\"The body is not valid JSON\"}");
    assertThat(refusal(() -> Json.object("[1]")))
        .isEqualTo("{\"status\":400,\"error\":\"The body must be a JSON object\"}");
    assertThat(refusal(() -> Json.object(" ")))
        .isEqualTo("{\"status\":400,\"error\":\"A JSON object body is required\"}");
  }

  @Test
  void eachMemberOfTheWrongTypeIsRefusedByName() {
    assertThat(refusal("{\"code\":\"abc\"}", ChangeBody.class))
        .isEqualTo(error("code must be an integer", "code"));
    assertThat(refusal("{\"code\":\"123\"}", ChangeBody.class))
        .as("no string for a number, though Yasson would take it")
        .isEqualTo(error("code must be an integer", "code"));
    assertThat(refusal("{\"code\":1.5}", ChangeBody.class))
        .isEqualTo(error("code must be an integer", "code"));
    assertThat(refusal("{\"code\":70000000000}", ChangeBody.class))
        .as("beyond 32 bits: refused, not wrapped to 1280523264")
        .isEqualTo(error("code is too large a number, was 70000000000", "code"));
    assertThat(refusal("{\"agents\":[10001,18446744073709561617]}", ChangeBody.class))
        .as("beyond 64 bits: refused, not wrapped to agent 10001")
        .isEqualTo(
            error("agents must hold integer agent ids, found 18446744073709561617", "agents"));
    assertThat(refusal("{\"clear\":\"yes\"}", ChangeBody.class))
        .isEqualTo(error("clear must be true or false", "clear"));
    assertThat(refusal("{\"clear\":null}", ChangeBody.class))
        .isEqualTo(error("clear must be true or false", "clear"));
    assertThat(refusal("{\"verify\":1}", ChangeBody.class))
        .isEqualTo(error("verify must be true or false", "verify"));
    assertThat(refusal("{\"note\":5}", ChangeBody.class))
        .isEqualTo(error("note must be a string", "note"));
    assertThat(refusal("{\"confirmCount\":true}", ChangeBody.class))
        .isEqualTo(error("confirmCount must be an integer", "confirmCount"));
    assertThat(refusal("{\"agents\":10001}", ChangeBody.class))
        .isEqualTo(error("agents must be an array of agent ids", "agents"));
    assertThat(refusal("{\"agents\":[10001,\"x\"]}", ChangeBody.class))
        .isEqualTo(error("agents must hold integer agent ids, found \\\"x\\\"", "agents"));
    assertThat(refusal("{\"agents\":[null]}", ChangeBody.class))
        .isEqualTo(error("agents must hold integer agent ids, found null", "agents"));
    assertThat(refusal("{\"selection\":\"7\"}", ChangeBody.class))
        .isEqualTo(
            error(
                "selection must be the id (a positive integer) of a saved selection", "selection"));
    assertThat(refusal("{\"filter\":[]}", ChangeBody.class))
        .isEqualTo(error("filter must be an object", "filter"));
    assertThat(refusal("{\"filter\":{\"states\":\"IDLE\"}}", ChangeBody.class))
        .isEqualTo(error("filter.states must be an array of strings", "filter.states"));
    assertThat(refusal("{\"filter\":{\"teams\":[1]}}", ChangeBody.class))
        .isEqualTo(error("filter.teams must hold strings", "filter.teams"));
    assertThat(refusal("{\"filter\":{\"skill\":1}}", ChangeBody.class))
        .isEqualTo(error("skill must be a string", "skill"));
    assertThat(refusal("{\"filter\":{\"customState\":\"1\"}}", ChangeBody.class))
        .isEqualTo(error("customState must be an integer", "customState"));
  }

  @Test
  void brokenRulesAreRefusedByName() {
    assertThat(refusal("{\"agents\":[10001],\"code\":70000}", ChangeBody.class))
        .isEqualTo(error("code must be a state code 0..65534, was 70000", "code"));
    assertThat(refusal("{\"code\":-1}", ChangeBody.class))
        .isEqualTo(error("code must be a state code 0..65534, was -1", "code"));
    assertThat(refusal("{\"selection\":0}", ChangeBody.class))
        .isEqualTo(
            error(
                "selection must be the id (a positive integer) of a saved selection", "selection"));
    assertThat(
            refusal(
                () ->
                    bind("{\"filter\":{\"states\":[\"NAPPING\"]}}", ChangeBody.class)
                        .toRequest(null)))
        .isEqualTo(error("filter.states: 'NAPPING' is not a gateway state", "filter.states"));
    assertThat(
            refusal(
                () ->
                    bind("{\"filter\":{\"sessions\":[\"asleep\"]}}", ChangeBody.class)
                        .toRequest(null)))
        .startsWith(
            "{\"status\":400,\"error\":\"filter.sessions: 'asleep' must be HOSTED, RELAYED,");
  }

  @Test
  void severalBrokenRulesAreEachListed() {
    assertThat(refusal("{\"code\":70000,\"selection\":-2}", ChangeBody.class))
        .isEqualTo(
            "{\"status\":400,\"error\":\"selection must be the id (a positive integer) of a saved"
                + " selection; code must be a state code 0..65534, was 70000\",\"field\":"
                + "\"selection\",\"errors\":[{\"field\":\"selection\",\"message\":\"selection must"
                + " be the id (a positive integer) of a saved selection\"},{\"field\":\"code\","
                + "\"message\":\"code must be a state code 0..65534, was 70000\"}]}");
  }

  @Test
  void aScheduleAddsItsTimes() {
    ScheduleBody body =
        bind(
            "{\"agents\":[10043],\"code\":101,\"startAt\":\"2026-12-01T08:00:00Z\","
                + "\"revertAfterSeconds\":3600}",
            ScheduleBody.class);
    assertThat(body.start()).isEqualTo(Instant.parse("2026-12-01T08:00:00Z"));
    assertThat(body.revert()).isNull();
    assertThat(body.revertAfter()).isEqualTo(Duration.ofHours(1));
    assertThat(refusal("{\"code\":101}", ScheduleBody.class))
        .isEqualTo(error("startAt is required", "startAt"));
    assertThat(refusal("{\"startAt\":5}", ScheduleBody.class))
        .isEqualTo(error("startAt must be a string", "startAt"));
    assertThat(refusal(() -> bind("{\"startAt\":\"tomorrow\"}", ScheduleBody.class).start()))
        .isEqualTo(
            error(
                "startAt must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, was 'tomorrow'",
                "startAt"));
    assertThat(
            refusal(
                "{\"startAt\":\"2026-12-01T08:00:00Z\",\"revertAfterSeconds\":0}",
                ScheduleBody.class))
        .isEqualTo(error("revertAfterSeconds must be positive, was 0", "revertAfterSeconds"));
    assertThat(
            refusal(
                "{\"startAt\":\"2026-12-01T08:00:00Z\",\"revertAfterSeconds\":\"60\"}",
                ScheduleBody.class))
        .isEqualTo(error("revertAfterSeconds must be an integer", "revertAfterSeconds"));
  }

  @Test
  void anEditNeedsItsStart() {
    ScheduleEditBody edit =
        bind(
            "{\"code\":null,\"startAt\":\"2026-12-01T08:00:00Z\",\"revertAt\":\"2026-12-01T09:00:00Z\"}",
            ScheduleEditBody.class);
    assertThat(edit.code()).isNull();
    assertThat(edit.revert()).isEqualTo(Instant.parse("2026-12-01T09:00:00Z"));
    assertThat(refusal("{\"code\":101}", ScheduleEditBody.class))
        .isEqualTo(error("startAt is required", "startAt"));
    assertThat(
            refusal(
                "{\"code\":\"x\",\"startAt\":\"2026-12-01T08:00:00Z\"}", ScheduleEditBody.class))
        .isEqualTo(error("code must be an integer", "code"));
  }
}
