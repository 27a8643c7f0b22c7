package io.statedesk.simulator.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.simulator.gateway.Gateway.Credentials;
import io.statedesk.simulator.gateway.Gateway.SignInKind;
import io.statedesk.simulator.world.World;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The gateway rules of shared/gateway-api.md, pinned with a hand-driven clock. Section numbers
 * refer to that document.
 */
class GatewayTest extends GatewayFixture {

  static final int AGENT = World.FIRST_WORK_NO;
  static final int OTHER = World.FIRST_WORK_NO + 1;

  static Map<String, Object> login(int workNo) {
    return Map.of("password", World.passwordOf(workNo), "phonenum", "7" + workNo);
  }

  /** Signs in and returns the Guid from {@code Set-GUID}. */
  static String signIn(Gateway gateway, int workNo) {
    Reply reply = gateway.signIn(workNo, login(workNo), SignInKind.LOGIN);
    assertThat(reply.retcode()).isEqualTo("0");
    return guidOf(reply);
  }

  static String guidOf(Reply reply) {
    List<String> values = reply.headers().get("Set-GUID");
    assertThat(values).hasSize(1);
    assertThat(values.get(0)).startsWith("JSESSIONID=");
    return values.get(0).substring("JSESSIONID=".length());
  }

  static Credentials guid(String guid) {
    return new Credentials(guid, null);
  }

  Reply poll(Gateway gateway, int workNo, String guid) throws Exception {
    CompletableFuture<Reply> answer = new CompletableFuture<>();
    gateway.poll(workNo, guid(guid), answer::complete);
    return answer.get(5, TimeUnit.SECONDS);
  }

  @Test
  void agentIdsOutsideTheDocumentedRangeAreInvalid() {
    assertThat(Gateway.agentId("100")).isNull();
    assertThat(Gateway.agentId("101")).isEqualTo(101);
    assertThat(Gateway.agentId("999999")).isEqualTo(999_999);
    assertThat(Gateway.agentId("1000000")).isNull();
    assertThat(Gateway.agentId("12a")).isNull();
    assertThat(Gateway.agentId("-5")).isNull();
  }

  @Test
  void missingUnknownAndForeignGuidsGetTheirCodes() {
    Gateway gateway = gateway(2);
    signIn(gateway, AGENT);
    String other = signIn(gateway, OTHER);
    assertThat(gateway.queryCustomState(AGENT, guid(null)).retcode()).isEqualTo("100-006");
    assertThat(gateway.queryCustomState(AGENT, guid("made-up.AgentGateway0")).retcode())
        .isEqualTo("100-006");
    assertThat(gateway.queryCustomState(AGENT, guid(other)).retcode()).isEqualTo("000-003");
  }

  @Test
  void customStateRangeQueryAndCancel() {
    Gateway gateway = gateway(1);
    String g = signIn(gateway, AGENT);
    assertThat(gateway.queryCustomState(AGENT, guid(g)).body().get("result"))
        .isEqualTo(Map.of("agentcustomstate", "65535"));
    assertThat(gateway.cancelCustomState(AGENT, guid(g)).retcode()).isEqualTo("100-009");
    for (String bad : new String[] {"-1", "65535", "70000", "abc", "", null}) {
      assertThat(gateway.setCustomState(AGENT, guid(g), bad).retcode())
          .as(bad)
          .isEqualTo("000-002");
    }
    assertThat(gateway.setCustomState(AGENT, guid(g), "0").retcode()).isEqualTo("0");
    assertThat(gateway.setCustomState(AGENT, guid(g), "65534").retcode()).isEqualTo("0");
    assertThat(gateway.queryCustomState(AGENT, guid(g)).body().get("result"))
        .isEqualTo(Map.of("agentcustomstate", "65534"));
    assertThat(gateway.cancelCustomState(AGENT, guid(g)).retcode()).isEqualTo("0");
    assertThat(gateway.queryCustomState(AGENT, guid(g)).body().get("result"))
        .isEqualTo(Map.of("agentcustomstate", "65535"));
  }

  @Test
  void authMode2RotatesOnThePollAndHonoursTheGracePeriodTwice() throws Exception {
    Gateway gateway = gateway(2);
    String first = signIn(gateway, AGENT);
    drain(gateway, first);

    now.addAndGet(60_000);
    Reply rotated = poll(gateway, AGENT, first);
    String second = guidOf(rotated);
    assertThat(second).isNotEqualTo(first);
    assertThat(gateway.setCustomState(AGENT, guid(first), "7").retcode())
        .as("the old Guid stays valid until GUIDTIMEOUT after it was issued")
        .isEqualTo("0");

    now.addAndGet(60_000);
    String third = guidOf(poll(gateway, AGENT, second));
    assertThat(gateway.setCustomState(AGENT, guid(first), "7").retcode())
        .as("120 s after issue the first Guid has expired")
        .isEqualTo("100-006");
    assertThat(gateway.setCustomState(AGENT, guid(second), "8").retcode()).isEqualTo("0");
    assertThat(gateway.setCustomState(AGENT, guid(third), "9").retcode()).isEqualTo("0");
    assertThat(gateway.queryCustomState(AGENT, guid(third)).body().get("result"))
        .isEqualTo(Map.of("agentcustomstate", "9"));
  }

  @Test
  void authMode2RotatesOnlyOnThePoll() throws Exception {
    Gateway gateway = gateway(2);
    String g = signIn(gateway, AGENT);
    now.addAndGet(61_000);
    Reply other = gateway.setCustomState(AGENT, guid(g), "1");
    assertThat(other.headers()).doesNotContainKey("Set-GUID");
  }

  @Test
  void authMode1KeepsOneGuidForTheWholeSession() throws Exception {
    Gateway gateway = gateway(1);
    String g = signIn(gateway, AGENT);
    drain(gateway, g);
    for (int i = 0; i < 5; i++) {
      now.addAndGet(100_000);
      Reply reply = poll(gateway, AGENT, g);
      assertThat(reply.headers()).doesNotContainKey("Set-GUID");
    }
    assertThat(gateway.setCustomState(AGENT, guid(g), "3").retcode()).isEqualTo("0");
  }

  @Test
  void idleSessionsAreSignedOutAfterMaxTime() {
    Gateway gateway = gateway(1);
    String g = signIn(gateway, AGENT);
    now.addAndGet(119_000);
    assertThat(gateway.queryCustomState(AGENT, guid(g)).retcode()).isEqualTo("0");
    now.addAndGet(119_000);
    assertThat(gateway.queryCustomState(AGENT, guid(g)).retcode())
        .as("a request within MAXTIME keeps the session")
        .isEqualTo("0");
    now.addAndGet(120_000);
    assertThat(gateway.control().sweep()).isEqualTo(1);
    assertThat(gateway.queryCustomState(AGENT, guid(g)).retcode()).isEqualTo("100-006");
    assertThat(gateway.signIn(AGENT, login(AGENT), SignInKind.LOGIN).retcode())
        .as("after the idle sign-out a fresh sign-in works")
        .isEqualTo("0");
  }

  @Test
  void pollAnswersOneEventPerResponseThenHoldsUntilTheWaitEnds() throws Exception {
    Gateway gateway = gateway(1);
    String g = signIn(gateway, AGENT);
    Reply first = poll(gateway, AGENT, g);
    assertThat(first.body().get("event")).asString().contains("AgentOther_InService");
    Reply second = poll(gateway, AGENT, g);
    assertThat(second.body().get("event")).asString().contains("AgentState_Ready");

    long start = System.nanoTime();
    Reply empty = poll(gateway, AGENT, g);
    long heldMs = (System.nanoTime() - start) / 1_000_000;
    assertThat(empty.body()).containsEntry("event", null).containsEntry("retcode", "0");
    assertThat(heldMs).as("held about pollWaitMs (300 ms)").isBetween(250L, 3000L);
  }

  @Test
  void aHeldPollIsAnsweredAsSoonAsAnEventArrives() throws Exception {
    Gateway gateway = gateway(1);
    gateway.updateSettings(new GatewaySettings(1, 60_000, 120_000, 120_000, 5_000, false, 2));
    String g = signIn(gateway, AGENT);
    drain(gateway, g);
    CompletableFuture<Reply> answer = new CompletableFuture<>();
    gateway.poll(AGENT, guid(g), answer::complete);
    assertThat(answer).isNotDone();
    gateway.control().activity(new Random(1), 1.0);
    Reply reply = answer.get(1, TimeUnit.SECONDS);
    assertThat(reply.body().get("event")).asString().contains("AgentState_");
  }

  @Test
  void anAgentThatPressesReadyIsIdleAndItsPollerHearsIt() throws Exception {
    Gateway gateway = gateway(1);
    String g = signIn(gateway, AGENT);
    gateway.control().activity(new Random(1), 1.0); // out of idle, whatever it was
    drain(gateway, g);
    CompletableFuture<Reply> answer = new CompletableFuture<>();
    gateway.poll(AGENT, guid(g), answer::complete);
    assertThat(gateway.control().ready(AGENT)).isTrue();
    assertThat(answer.get(1, TimeUnit.SECONDS).body().get("event"))
        .asString()
        .contains("AgentState_Ready");
    assertThat(gateway.control().view(AGENT).state()).isEqualTo(Gateway.IDLE);
    assertThat(gateway.control().ready(OTHER)).as("no session: stays signed out").isFalse();
    assertThat(gateway.control().view(OTHER).signedIn()).isFalse();
  }

  @Test
  void loadBalancerCookieIsRequiredWhenSwitchedOn() {
    Gateway gateway =
        new Gateway(
            world,
            new GatewaySettings(1, 60_000, 120_000, 120_000, 300, true, 2),
            now::get,
            scheduler);
    Reply reply = gateway.signIn(AGENT, login(AGENT), SignInKind.LOGIN);
    String g = guidOf(reply);
    String setCookie = reply.headers().get("Set-Cookie").get(0);
    String cookie = setCookie.substring(0, setCookie.indexOf(';'));
    assertThat(gateway.queryCustomState(AGENT, guid(g)).retcode()).isEqualTo("100-006");
    assertThat(gateway.queryCustomState(AGENT, new Credentials(g, "other=1; " + cookie)).retcode())
        .isEqualTo("0");
  }

  @Test
  void aRepeatedCallWhileTheFirstIsInProgressGets000007() {
    Gateway gateway = gateway(1);
    Reply inner =
        gateway
            .inFlight()
            .exclusive(
                AGENT,
                "setCustomState",
                () -> gateway.inFlight().exclusive(AGENT, "setCustomState", () -> Reply.ok(null)));
    assertThat(inner.retcode()).isEqualTo("000-007");
  }

  @Test
  void signOutIsRefusedWhileTalkingUnlessForced() {
    Gateway gateway = gateway(1);
    String g = signIn(gateway, AGENT);
    gateway.control().activity(new Random(7), 1.0);
    while (gateway.control().view(AGENT).state() != Gateway.TALKING) {
      gateway.control().activity(new Random(), 1.0);
    }
    assertThat(gateway.signOut(AGENT, guid(g), false).retcode()).isEqualTo("100-010");
    assertThat(gateway.signOut(AGENT, guid(g), true).retcode()).isEqualTo("0");
    assertThat(gateway.queryCustomState(AGENT, guid(g)).retcode()).isEqualTo("100-006");
  }

  @Test
  void updateGuidReturnsTheNewGuidInTheBody() {
    Gateway gateway = gateway(2);
    String g = signIn(gateway, AGENT);
    Reply reply = gateway.updateGuid(AGENT, guid(g));
    @SuppressWarnings("unchecked")
    String fresh = ((Map<String, String>) reply.body().get("result")).get("guid");
    assertThat(fresh).isNotEqualTo(g).endsWith(".AgentGateway" + Math.floorMod(AGENT, 2));
    assertThat(gateway.queryCustomState(AGENT, guid(fresh)).retcode()).isEqualTo("0");
  }

  @Test
  void directoryQueriesDescribeTheWorld() {
    Gateway gateway = gateway(1);
    String g = signIn(gateway, World.DIRECTORY_ACCOUNT);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> group1 =
        (List<Map<String, Object>>)
            gateway.agentsOfGroup(World.DIRECTORY_ACCOUNT, guid(g), "1").body().get("result");
    assertThat(group1)
        .hasSize(7)
        .allSatisfy(a -> assertThat(a).containsEntry("groupid", 1).containsKey("name"));
    assertThat(gateway.agentsOfGroup(World.DIRECTORY_ACCOUNT, guid(g), "99").retcode())
        .isEqualTo("000-002");
    assertThat(
            (List<?>) gateway.allAgentStatus(World.DIRECTORY_ACCOUNT, guid(g)).body().get("result"))
        .hasSize(21);
    assertThat(
            gateway
                .agentByWorkNo(World.DIRECTORY_ACCOUNT, guid(g), Integer.toString(AGENT))
                .body()
                .get("result"))
        .asString()
        .contains("status=2");
  }

  /** Reads the sign-in events so that the next poll has nothing queued. */
  void drain(Gateway gateway, String g) throws Exception {
    while (gateway.control().view(AGENT).queuedEvents() > 0) {
      poll(gateway, AGENT, g);
    }
  }
}
