package io.statedesk.simulator.gateway;

import static io.statedesk.simulator.gateway.GatewayTest.AGENT;
import static io.statedesk.simulator.gateway.GatewayTest.OTHER;
import static io.statedesk.simulator.gateway.GatewayTest.guid;
import static io.statedesk.simulator.gateway.GatewayTest.login;
import static io.statedesk.simulator.gateway.GatewayTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.simulator.gateway.Gateway.SignInKind;
import io.statedesk.simulator.world.World;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The control API's takeovers (another desktop's forced sign-in, its release) and the unbounded
 * stats: sign-ins per interface and calls refused for a stale Guid.
 */
class TakeoverAndStatsTest {

  final AtomicLong now = new AtomicLong(1_000_000);
  final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  final Gateway gateway =
      new Gateway(
          new World(20, 3, 42),
          new GatewaySettings(2, 60_000, 120_000, 300_000, 300, false, 2),
          now::get,
          scheduler);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  @SuppressWarnings("unchecked")
  Map<String, Object> stat(String name) {
    return (Map<String, Object>) gateway.stats().snapshot().get(name);
  }

  @Test
  void anotherDesktopsForcedSignInEndsTheHoldersSessionAndAHeldPoll() throws Exception {
    String g = signIn(gateway, AGENT);
    while (gateway.control().view(AGENT).queuedEvents() > 0) {
      gateway.poll(AGENT, guid(g), r -> {});
    }
    CompletableFuture<Reply> held = new CompletableFuture<>();
    gateway.poll(AGENT, guid(g), held::complete);
    assertThat(held).isNotDone();

    gateway.control().signInElsewhere(AGENT, Gateway.IDLE);

    assertThat(held.get(5, TimeUnit.SECONDS).retcode()).isEqualTo("100-006");
    assertThat(gateway.queryCustomState(AGENT, guid(g)).retcode()).isEqualTo("100-006");
    assertThat(gateway.control().view(AGENT).elsewhere()).isTrue();
    assertThat(gateway.signIn(AGENT, login(AGENT), SignInKind.LOGIN).retcode())
        .isEqualTo("100-002");
    assertThat(gateway.signIn(AGENT, login(AGENT), SignInKind.LOGINEX).retcode())
        .isEqualTo("100-002");
    assertThat(stat("staleGuidRefusals")).isEqualTo(Map.of("querycustomstate", 1L));
  }

  @Test
  void releaseFreesAnAgentHeldElsewhereAndLeavesOtherSessionsAlone() {
    gateway.control().signInElsewhere(AGENT, Gateway.IDLE);
    assertThat(gateway.control().releaseElsewhere(AGENT)).isTrue();
    assertThat(gateway.control().view(AGENT).signedIn()).isFalse();
    String g = signIn(gateway, AGENT);

    assertThat(gateway.control().releaseElsewhere(AGENT)).isFalse();
    assertThat(gateway.control().releaseElsewhere(OTHER)).isFalse();
    assertThat(gateway.queryCustomState(AGENT, guid(g)).retcode()).isEqualTo("0");
  }

  @Test
  void signInsAreCountedPerAgentAndInterfaceOnlyWhenTheyCreateASession() {
    signIn(gateway, AGENT);
    assertThat(gateway.signIn(AGENT, login(AGENT), SignInKind.LOGIN).retcode())
        .isEqualTo("100-002");
    assertThat(gateway.signIn(AGENT, login(AGENT), SignInKind.FORCE).retcode()).isEqualTo("0");
    assertThat(gateway.signIn(OTHER, login(OTHER), SignInKind.LOGINEX).retcode()).isEqualTo("0");
    assertThat(
            gateway
                .signIn(
                    OTHER, Map.of("password", "wrong", "phonenum", "7" + OTHER), SignInKind.LOGIN)
                .retcode())
        .isEqualTo("100-004");

    assertThat(stat("signIns"))
        .isEqualTo(
            Map.of(
                Integer.toString(AGENT), Map.of("login", 1L, "loginex", 0L, "forcelogin", 1L),
                Integer.toString(OTHER), Map.of("login", 0L, "loginex", 1L, "forcelogin", 0L)));
  }

  @Test
  void refusalsCountUnknownExpiredSupersededAndForeignGuidsButNotAMissingHeader() {
    String g = signIn(gateway, AGENT);
    String other = signIn(gateway, OTHER);
    gateway.agentStatus(AGENT, guid(null));
    gateway.agentStatus(AGENT, guid("nobody.AgentGateway0"));
    gateway.setCustomState(AGENT, guid(other), "7");
    String fresh =
        (String) ((Map<?, ?>) gateway.updateGuid(AGENT, guid(g)).body().get("result")).get("guid");
    String newest =
        (String)
            ((Map<?, ?>) gateway.updateGuid(AGENT, guid(fresh)).body().get("result")).get("guid");
    assertThat(gateway.agentStatus(AGENT, guid(g)).retcode()).isEqualTo("100-006");
    now.addAndGet(120_000);
    gateway.poll(OTHER, guid(other), r -> {});
    assertThat(gateway.agentStatus(AGENT, guid(newest)).retcode()).isEqualTo("100-006");

    assertThat(stat("staleGuidRefusals"))
        .isEqualTo(Map.of("agentstatus", 3L, "setcustomstate", 1L, "agentevent", 1L));
    assertThat(stat("staleGuidRefusalsByAgent"))
        .isEqualTo(
            Map.of(
                Integer.toString(AGENT), Map.of("agentstatus", 3L, "setcustomstate", 1L),
                Integer.toString(OTHER), Map.of("agentevent", 1L)));

    gateway.stats().clear();
    assertThat(stat("staleGuidRefusals")).isEmpty();
    assertThat(stat("signIns")).isEmpty();
  }
}
