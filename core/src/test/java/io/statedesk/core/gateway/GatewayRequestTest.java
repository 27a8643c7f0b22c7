package io.statedesk.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import io.statedesk.core.gateway.GatewayRecords.SignInRequest;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The table of operations: what each interface sends, as gateway-api.md documents it. */
class GatewayRequestTest {

  static final String GUID = "279fe21d-2caa-4437-84c3-ab9e9dae20f5.AgentGateway0";
  static final GatewayAuth AUTH = new GatewayAuth(10001, GUID, "NSLB=1");

  @Test
  void signInPicksPathAndNameByModeAndSendsNoGuid() {
    SignInRequest request = new SignInRequest("Sim#10001", "710001", 4);
    GatewayRequest login = GatewayRequest.signIn(10001, request, SignInMode.LOGIN);
    assertThat(login.method()).isEqualTo("PUT");
    assertThat(login.path()).isEqualTo("onlineagent/10001");
    assertThat(login.operation()).isEqualTo("login");
    assertThat(login.auth()).as("sign-in runs before there is a Guid").isNull();
    assertThat(login.agentId()).isEqualTo(10001);

    GatewayRequest platform = GatewayRequest.signIn(10001, request, SignInMode.LOGINEX);
    assertThat(platform.path()).isEqualTo("onlineagent/10001/loginex");
    assertThat(platform.operation()).isEqualTo("loginEx");
    GatewayRequest force = GatewayRequest.signIn(10001, request, SignInMode.FORCE);
    assertThat(force.path()).isEqualTo("onlineagent/10001/forcelogin");
    assertThat(force.operation()).isEqualTo("forceLogin");
  }

  @Test
  void signInBodyCarriesTheDocumentedFieldsAsStringsAndOmitsUnsetOnes() {
    JsonObject full =
        json(
            GatewayRequest.signIn(
                    10001, new SignInRequest("pw", "710001", 4, false), SignInMode.LOGIN)
                .body());
    assertThat(full.getString("password")).isEqualTo("pw");
    assertThat(full.getString("phonenum")).isEqualTo("710001");
    assertThat(full.getString("status")).as("a string, as documented").isEqualTo("4");
    assertThat(full.getString("autoanswer")).isEqualTo("false");

    JsonObject bare =
        json(
            GatewayRequest.signIn(10001, new SignInRequest(null, null, 3), SignInMode.LOGIN)
                .body());
    assertThat(bare.getString("password")).isEmpty();
    assertThat(bare).doesNotContainKeys("phonenum", "autoanswer");
    assertThat(bare.getString("status")).isEqualTo("3");
  }

  @Test
  void sessionOperationsRunInTheAgentsOwnSession() {
    assertRequest(
        GatewayRequest.signOut(AUTH, false), "logout", "DELETE", "onlineagent/10001/logout", null);
    assertRequest(
        GatewayRequest.signOut(AUTH, true),
        "forceLogout",
        "DELETE",
        "onlineagent/10001/forcelogout",
        null);
    assertRequest(GatewayRequest.poll(AUTH), "getAgentEvent", "GET", "agentevent/10001", null);
    assertRequest(
        GatewayRequest.updateGuid(AUTH), "updateGuid", "PUT", "onlineagent/10001/updateGuid", "");
    assertRequest(
        GatewayRequest.queryCustomState(AUTH),
        "queryCustomState",
        "GET",
        "onlineagent/10001/querycustomstate",
        null);
    assertRequest(
        GatewayRequest.cancelCustomState(AUTH),
        "cancelSetCustomState",
        "POST",
        "onlineagent/10001/cancelsetcustomstate",
        "");
    assertRequest(
        GatewayRequest.agentStatus(AUTH),
        "getAgentStatus",
        "GET",
        "onlineagent/10001/agentstatus",
        null);
  }

  @Test
  void setCustomStateSendsTheStateAsAQueryAndCannotBeGivenOneOutOfRange() {
    GatewayRequest set = GatewayRequest.setCustomState(AUTH, new CustomState(301));
    assertRequest(set, "setCustomState", "POST", "onlineagent/10001/setcustomstate", "");
    assertThat(set.query()).containsExactly(Map.entry("customstate", "301"));
    assertThat(GatewayRequest.setCustomState(AUTH, new CustomState(0)).query())
        .containsEntry("customstate", "0");
    assertThat(GatewayRequest.setCustomState(AUTH, new CustomState(65534)).query())
        .containsEntry("customstate", "65534");
    // the range is the type's (GatewayValuesTest): a request cannot be made with 65535 or -1
    assertThatThrownBy(() -> GatewayRequest.setCustomState(AUTH, new CustomState(65535)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0..65534, was 65535");
    assertThatThrownBy(() -> GatewayRequest.setCustomState(AUTH, new CustomState(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void directoryQueriesAreAskedByTheCallerAboutOthers() {
    GatewayAuth caller = new GatewayAuth(999001, GUID, null);
    assertRequest(
        GatewayRequest.groups(caller), "groupOnVdn", "GET", "agentgroup/999001/grouponvdn", null);
    GatewayRequest members = GatewayRequest.agentsOfGroup(caller, 3);
    assertRequest(members, "agentOnGroupEx", "GET", "agentgroup/999001/agentongroupex", null);
    assertThat(members.query()).containsExactly(Map.entry("groupid", "3"));
    GatewayRequest one = GatewayRequest.agent(caller, new AgentId(10001));
    assertRequest(
        one, "queryAgentInfoByWorkNo", "GET", "agentgroup/999001/agentbyworkno/10001", null);
    assertThat(one.agentId()).as("failures name the caller, whose session it is").isEqualTo(999001);
    assertRequest(
        GatewayRequest.skillsOf(caller, new AgentId(10001)),
        "agentSkillsByWorkNo",
        "GET",
        "onlineagent/999001/agentskillsbyworkno/10001",
        null);
  }

  @Test
  void agentIdsOutsideTheDocumentedRangeAreRefusedBeforeSending() {
    GatewayAuth caller = new GatewayAuth(999001, GUID, null);
    // another agent's id is in range by its type: a request about 100 cannot be made
    assertThatThrownBy(() -> GatewayRequest.agent(caller, new AgentId(100)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("101..999999, was 100");
    assertThatThrownBy(() -> GatewayRequest.skillsOf(caller, new AgentId(1_000_000)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(
            () -> GatewayRequest.signIn(100, new SignInRequest("x", null, 4), SignInMode.LOGINEX))
        .isInstanceOf(InvalidGatewayRequestException.class)
        .satisfies(e -> assertThat(((GatewayException) e).operation()).isEqualTo("login"));
    GatewayRequest tooLow = GatewayRequest.agentStatus(new GatewayAuth(100, GUID, null));
    assertThatThrownBy(tooLow::requireAgentId)
        .isInstanceOf(InvalidGatewayRequestException.class)
        .hasMessageContaining("agent id");
    GatewayRequest.agentStatus(new GatewayAuth(101, GUID, null)).requireAgentId();
    GatewayRequest.agentStatus(new GatewayAuth(999_999, GUID, null)).requireAgentId();
  }

  @Test
  void aRequestNeverPrintsItsPasswordOrGuid() {
    GatewayRequest login =
        GatewayRequest.signIn(10001, new SignInRequest("secret-pw", null, 4), SignInMode.LOGIN);
    assertThat(login.toString()).contains("login").doesNotContain("secret-pw");
    assertThat(GatewayRequest.setCustomState(AUTH, new CustomState(5)).toString())
        .contains("setCustomState", "customstate=5")
        .doesNotContain("2caa")
        .doesNotContain("NSLB");
  }

  static void assertRequest(
      GatewayRequest request, String operation, String method, String path, String body) {
    assertThat(request.operation()).isEqualTo(operation);
    assertThat(request.method()).as(operation).isEqualTo(method);
    assertThat(request.path()).as(operation).isEqualTo(path);
    assertThat(request.body()).as(operation).isEqualTo(body);
    if (request.auth() != null) {
      assertThat(request.agentId()).isEqualTo(request.auth().agentId());
    }
  }

  static JsonObject json(String text) {
    try (var reader = Json.createReader(new StringReader(text))) {
      return reader.readObject();
    }
  }
}
