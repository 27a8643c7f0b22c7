package io.statedesk.simulator.gateway;

import static io.statedesk.simulator.gateway.GatewayTest.AGENT;
import static io.statedesk.simulator.gateway.GatewayTest.OTHER;
import static io.statedesk.simulator.gateway.GatewayTest.guid;
import static io.statedesk.simulator.gateway.GatewayTest.guidOf;
import static io.statedesk.simulator.gateway.GatewayTest.login;
import static io.statedesk.simulator.gateway.GatewayTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.simulator.gateway.Gateway.SignInKind;
import io.statedesk.simulator.world.World;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The sign-in interfaces (sections 3.1-3.3): the body's rules, 100-002, forced sign-in. */
class SignInsTest extends GatewayFixture {

  @Test
  void signInIssuesAGuidInTheDocumentedFormat() {
    Gateway gateway = gateway(2);
    Reply reply = gateway.signIn(AGENT, login(AGENT), SignInKind.LOGIN);
    assertThat(guidOf(reply)).matches("[0-9a-f-]{36}\\.AgentGateway[01]");
    @SuppressWarnings("unchecked")
    Map<String, Object> result = (Map<String, Object>) reply.body().get("result");
    assertThat(result).containsEntry("workno", Integer.toString(AGENT)).containsKey("loginTime");
    assertThat(reply.body()).containsEntry("message", "success");
  }

  @Test
  void secondSignInIsRefusedUntilForced() {
    Gateway gateway = gateway(2);
    String first = signIn(gateway, AGENT);
    assertThat(gateway.signIn(AGENT, login(AGENT), SignInKind.LOGIN).retcode())
        .isEqualTo("100-002");
    Reply forced = gateway.signIn(AGENT, login(AGENT), SignInKind.FORCE);
    assertThat(forced.retcode()).isEqualTo("0");
    assertThat(gateway.queryCustomState(AGENT, guid(first)).retcode()).isEqualTo("100-006");
    assertThat(gateway.queryCustomState(AGENT, guid(guidOf(forced))).retcode()).isEqualTo("0");
  }

  @Test
  void wrongPasswordAndBadBodiesAreRefused() {
    Gateway gateway = gateway(2);
    assertThat(
            gateway
                .signIn(
                    AGENT, Map.of("password", "nope", "phonenum", "7" + AGENT), SignInKind.LOGIN)
                .retcode())
        .isEqualTo("100-004");
    assertThat(gateway.signIn(AGENT, null, SignInKind.LOGIN).retcode()).isEqualTo("100-001");
    assertThat(gateway.signIn(AGENT, Map.of("phonenum", "1"), SignInKind.LOGIN).retcode())
        .isEqualTo("100-001");
    assertThat(
            gateway
                .signIn(
                    AGENT,
                    Map.of(
                        "password",
                        World.passwordOf(AGENT),
                        "phonenum",
                        "7" + AGENT,
                        "status",
                        "9"),
                    SignInKind.LOGIN)
                .retcode())
        .isEqualTo("100-001");
    assertThat(gateway.signIn(555_555, login(555_555), SignInKind.LOGIN).retcode())
        .isEqualTo("100-004");
  }

  @Test
  void signInNeedsTheAgentsOwnSoftphoneNumber() {
    Gateway gateway = gateway(2);
    String pwd = World.passwordOf(AGENT);
    for (Map<String, Object> body :
        List.<Map<String, Object>>of(
            Map.of("password", pwd),
            Map.of("password", pwd, "phonenum", ""),
            Map.of("password", pwd, "phonenum", "7".repeat(25)),
            Map.of("password", pwd, "phonenum", 710001))) {
      assertThat(gateway.signIn(AGENT, body, SignInKind.LOGIN).retcode())
          .as("" + body)
          .isEqualTo("100-001");
    }
    assertThat(
            gateway
                .signIn(AGENT, Map.of("password", pwd, "phonenum", "7100O1"), SignInKind.LOGIN)
                .retcode())
        .isEqualTo("100-013");
    assertThat(
            gateway
                .signIn(AGENT, Map.of("password", pwd, "phonenum", "7" + OTHER), SignInKind.FORCE)
                .retcode())
        .isEqualTo("100-014");
    assertThat(gateway.control().view(AGENT).signedIn()).isFalse();

    gateway.requirePhoneNumber(false);
    assertThat(
            gateway
                .signIn(AGENT, Map.of("password", pwd, "phonenum", "123"), SignInKind.LOGIN)
                .retcode())
        .isEqualTo("100-014");
    assertThat(gateway.signIn(AGENT, Map.of("password", pwd), SignInKind.LOGIN).retcode())
        .isEqualTo("0");
  }

  @Test
  void agentsSignedInElsewhereNeedForcedSignIn() {
    Gateway gateway = gateway(2);
    gateway.control().signInElsewhere(AGENT, Gateway.TALKING);
    assertThat(gateway.signIn(AGENT, login(AGENT), SignInKind.LOGIN).retcode())
        .isEqualTo("100-002");
    now.addAndGet(1_000_000);
    assertThat(gateway.control().sweep()).as("the other desktop keeps its session alive").isZero();
    assertThat(gateway.signIn(AGENT, login(AGENT), SignInKind.FORCE).retcode()).isEqualTo("0");
  }
}
