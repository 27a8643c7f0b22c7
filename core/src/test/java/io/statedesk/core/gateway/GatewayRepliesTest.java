package io.statedesk.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.statedesk.core.gateway.GatewayRecords.GatewayAgent;
import io.statedesk.core.gateway.GatewayRecords.GatewayGroup;
import io.statedesk.core.gateway.GatewayRecords.GatewaySkill;
import io.statedesk.core.gateway.GatewayRecords.PollResult;
import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import io.statedesk.core.gateway.GatewayRecords.SignInRequest;
import io.statedesk.core.gateway.GatewayRecords.SignInResult;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Results into records, with the gateway's loose JSON (numbers as strings, optional fields). */
class GatewayRepliesTest {

  static final String GUID = "279fe21d-2caa-4437-84c3-ab9e9dae20f5.AgentGateway0";
  static final GatewayAuth AUTH = new GatewayAuth(10001, GUID, null);
  static final GatewayAuth DIRECTORY = new GatewayAuth(999001, GUID, null);

  static GatewayAnswer answer(
      GatewayRequest request, String json, Map<String, List<String>> headers) {
    return GatewayAnswer.interpret(request, 200, json, headers, System.nanoTime());
  }

  static GatewayAnswer answer(GatewayRequest request, String json) {
    return answer(request, json, Map.of());
  }

  @Test
  void aSignInYieldsTheGuidEveryCookieTheServerAndTheTime() {
    GatewayRequest login =
        GatewayRequest.signIn(10001, new SignInRequest("pw", null, 4), SignInMode.LOGINEX);
    SignInResult result =
        GatewayReplies.signIn(
            answer(
                login,
                "{\"retcode\":\"0\",\"result\":{\"loginTime\":\"1764000000000\","
                    + "\"serverName\":\"AgentGateway\"}}",
                Map.of(
                    "set-guid", List.of("JSESSIONID=" + GUID),
                    "set-cookie",
                        List.of("NSLB_ROUTE=node1; Path=/", "JSESSIONID=abc; HttpOnly"))));
    assertThat(result.auth().agentId()).isEqualTo(10001);
    assertThat(result.auth().guid()).isEqualTo(GUID);
    assertThat(result.auth().cookie()).isEqualTo("NSLB_ROUTE=node1; JSESSIONID=abc");
    assertThat(result.serverName()).isEqualTo("AgentGateway");
    assertThat(result.loginTime()).isEqualTo(Instant.ofEpochMilli(1_764_000_000_000L));

    Instant before = Instant.now();
    SignInResult bare =
        GatewayReplies.signIn(
            answer(
                login,
                "{\"retcode\":\"0\",\"result\":{\"loginTime\":\"soon\"}}",
                Map.of("set-guid", List.of(GUID))));
    assertThat(bare.auth().cookie()).as("no Set-Cookie, no Cookie header").isNull();
    assertThat(bare.loginTime()).as("an unreadable time is now").isAfterOrEqualTo(before);
    assertThat(bare.serverName()).isNull();

    GatewayUnavailableException noGuid =
        catchThrowableOfType(
            GatewayUnavailableException.class,
            () -> GatewayReplies.signIn(answer(login, "{\"retcode\":\"0\"}")));
    assertThat(noGuid.kind()).isEqualTo(GatewayUnavailableException.Kind.BAD_RESPONSE);
    assertThat(noGuid.operation()).isEqualTo("loginEx");
    assertThat(noGuid.getMessage()).contains("no Set-GUID header");
  }

  @Test
  void aPollYieldsItsEventAndARotatedGuid() {
    GatewayRequest poll = GatewayRequest.poll(AUTH);
    PollResult result =
        GatewayReplies.poll(
            answer(
                poll,
                "{\"retcode\":\"0\",\"event\":{\"eventType\":\"AgentState_Ready\",\"workNo\":\"10001\","
                    + "\"content\":{\"state\":4,\"reason\":\"x\"},\"eventGenTime\":\"1764000000000\"}}",
                Map.of("set-guid", List.of("JSESSIONID=fresh-guid-aaaaaaaaaaaa"))));
    assertThat(result.rotatedGuid()).contains("fresh-guid-aaaaaaaaaaaa");
    assertThat(result.event())
        .hasValueSatisfying(
            e -> {
              assertThat(e.type()).isEqualTo("AgentState_Ready");
              assertThat(e.workNo()).isEqualTo(10001);
              assertThat(e.content()).containsEntry("state", "4").containsEntry("reason", "x");
              assertThat(e.generatedAt()).contains(Instant.ofEpochMilli(1_764_000_000_000L));
            });

    PollResult quiet = GatewayReplies.poll(answer(poll, "{\"retcode\":\"0\",\"event\":null}"));
    assertThat(quiet.event()).isEmpty();
    assertThat(quiet.rotatedGuid()).isEmpty();

    PollResult older =
        GatewayReplies.poll(
            answer(poll, "{\"retcode\":\"0\",\"event\":{\"eventType\":\"AgentOther_InService\"}}"));
    assertThat(older.event())
        .hasValueSatisfying(
            e -> {
              assertThat(e.workNo()).as("no workNo: the polling agent").isEqualTo(10001);
              assertThat(e.content()).isEmpty();
              assertThat(e.generatedAt()).isEmpty();
            });
  }

  @Test
  void updateGuidYieldsTheNewGuidTrimmed() {
    GatewayRequest update = GatewayRequest.updateGuid(AUTH);
    assertThat(
            GatewayReplies.rotatedGuid(
                answer(update, "{\"retcode\":\"0\",\"result\":{\"guid\":\" new-guid \"}}")))
        .isEqualTo("new-guid");
    GatewayUnavailableException none =
        catchThrowableOfType(
            GatewayUnavailableException.class,
            () ->
                GatewayReplies.rotatedGuid(
                    answer(update, "{\"retcode\":\"0\",\"result\":{\"guid\":\"\"}}")));
    assertThat(none.getMessage()).contains("no result.guid");
    assertThat(none.operation()).isEqualTo("updateGuid");
  }

  /** A successful envelope around {@code result}. */
  static String ok(String result) {
    return "{\"retcode\":\"0\",\"result\":" + result + "}";
  }

  static Optional<CustomState> customState(String value) {
    return GatewayReplies.customState(
        answer(GatewayRequest.queryCustomState(AUTH), ok("{\"agentcustomstate\":" + value + "}")));
  }

  @Test
  void aCustomStateOutsideTheRangeOtherThanNoneIsABadResponseLikeANonNumber() {
    for (String value : List.of("\"65536\"", "-1", "\"70000\"", "2147483647")) {
      GatewayUnavailableException wrong =
          catchThrowableOfType(GatewayUnavailableException.class, () -> customState(value));
      assertThat(wrong).as(value).isNotNull();
      assertThat(wrong.kind()).as(value).isEqualTo(GatewayUnavailableException.Kind.BAD_RESPONSE);
      assertThat(wrong.getMessage()).as(value).contains("agentcustomstate", "0..65534");
      assertThat(wrong.operation()).isEqualTo("queryCustomState");
    }
  }

  @Test
  void aCustomStateOf65535IsNoneAndAMissingOneIsABadResponse() {
    assertThat(customState("\"65535\"")).isEmpty();
    assertThat(customState("\" 301 \"")).contains(new CustomState(301));
    assertThat(customState("0")).as("a number sent as a number").contains(new CustomState(0));
    assertThat(customState("65534")).contains(new CustomState(CustomState.MAX));
    GatewayUnavailableException garbled =
        catchThrowableOfType(GatewayUnavailableException.class, () -> customState("\"n/a\""));
    assertThat(garbled.kind()).isEqualTo(GatewayUnavailableException.Kind.BAD_RESPONSE);
    assertThat(garbled.getMessage()).contains("agentcustomstate missing or not a number");
    assertThat(garbled.operation()).isEqualTo("queryCustomState");
  }

  @Test
  void agentStatusNeedsAResult() {
    GatewayRequest status = GatewayRequest.agentStatus(AUTH);
    assertThat(
            GatewayReplies.agentStatus(answer(status, ok("{\"agentState\":4,\"isWorking\":true}"))))
        .satisfies(s -> assertThat(s.state()).isEqualTo(GatewayState.of(4)))
        .satisfies(s -> assertThat(s.working()).isTrue());
    assertThat(GatewayReplies.agentStatus(answer(status, ok("{\"agentState\":\"5\"}"))).working())
        .isFalse();
    assertThat(
            catchThrowableOfType(
                    GatewayUnavailableException.class,
                    () -> GatewayReplies.agentStatus(answer(status, "{\"retcode\":\"0\"}")))
                .getMessage())
        .contains("no result object");
  }

  @Test
  void directoryListsReadNumbersSentAsStringsAndSkipWhatIsNoObject() {
    List<GatewayGroup> groups =
        GatewayReplies.groups(
            answer(
                GatewayRequest.groups(DIRECTORY),
                "{\"retcode\":\"0\",\"result\":[{\"groupid\":\"1\",\"groupname\":\"Billing\"},"
                    + "{\"groupid\":2,\"groupname\":\"Sales\"},\"junk\"]}"));
    assertThat(groups)
        .containsExactly(new GatewayGroup(1, "Billing"), new GatewayGroup(2, "Sales"));

    List<GatewayAgent> agents =
        GatewayReplies.agents(
            answer(
                GatewayRequest.agentsOfGroup(DIRECTORY, 1),
                "{\"retcode\":\"0\",\"result\":[{\"workno\":\"10001\",\"name\":\"Ann\",\"status\":\"4\","
                    + "\"groupid\":1,\"phonenumber\":\"710001\",\"currentstatetime\":\"12\"}]}"));
    assertThat(agents)
        .containsExactly(new GatewayAgent(10001, "Ann", GatewayState.of(4), 1, "710001", 12));
    assertThat(
            GatewayReplies.agents(
                answer(GatewayRequest.agentsOfGroup(DIRECTORY, 1), "{\"retcode\":\"0\"}")))
        .as("no result: no agents")
        .isEmpty();

    GatewayAgent one =
        GatewayReplies.agent(
            answer(
                GatewayRequest.agent(DIRECTORY, new AgentId(10002)),
                "{\"retcode\":\"0\",\"result\":{\"workno\":10002,\"name\":\"Bo\"}}"));
    assertThat(one.workNo()).isEqualTo(10002);
    assertThat(one.phoneNumber()).isNull();

    List<GatewaySkill> skills =
        GatewayReplies.skills(
            answer(
                GatewayRequest.skillsOf(DIRECTORY, new AgentId(10001)),
                "{\"retcode\":\"0\",\"result\":[{\"id\":\"7\",\"name\":\"Voice EN\",\"mediatype\":5}]}"));
    assertThat(skills).containsExactly(new GatewaySkill(7, "Voice EN", 5));
  }

  @Test
  void everySetCookieOfASignInIsReplayed() {
    assertThat(GatewayReplies.cookiePair("NSLB_ROUTE=node1-abc; Path=/; HttpOnly"))
        .isEqualTo("NSLB_ROUTE=node1-abc");
    assertThat(GatewayReplies.cookiePair(null)).isNull();
    assertThat(GatewayReplies.cookiePair("no-pair; Path=/")).isNull();
    assertThat(
            GatewayReplies.cookieHeader(
                List.of("NSLB_ROUTE=node1; Path=/", "JSESSIONID=abc; HttpOnly", "junk")))
        .as("every Set-Cookie of a sign-in is replayed, not only the first")
        .isEqualTo("NSLB_ROUTE=node1; JSESSIONID=abc");
    assertThat(GatewayReplies.cookieHeader(List.of())).isNull();
    assertThat(Optional.ofNullable(GatewayReplies.cookieHeader(List.of(" ")))).isEmpty();
  }
}
