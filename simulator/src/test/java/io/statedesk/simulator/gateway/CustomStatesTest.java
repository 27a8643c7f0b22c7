package io.statedesk.simulator.gateway;

import static io.statedesk.simulator.gateway.GatewayTest.AGENT;
import static io.statedesk.simulator.gateway.GatewayTest.guid;
import static io.statedesk.simulator.gateway.GatewayTest.signIn;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The custom-state rules (section 4) on their own, and the one ordering {@link Gateway} adds: a bad
 * {@code customstate} is refused before the Guid is looked at.
 */
class CustomStatesTest extends GatewayFixture {

  @Test
  void theParameterIsADecimalBelowTheUnsetValue() {
    assertThat(CustomStates.parse("0")).isZero();
    assertThat(CustomStates.parse("65534")).isEqualTo(65_534);
    for (String bad : new String[] {"65535", "-1", "+1", "1e3", "", " 1", "1234567890", null}) {
      assertThat(CustomStates.parse(bad)).as(bad).isNull();
    }
  }

  @Test
  void cancelNeedsAValueAndLeavesTheUnsetOne() {
    Session session = new Session(AGENT, false, 0, "g.AgentGateway0", null, 0, Gateway.IDLE);
    assertThat(CustomStates.query(session).body().get("result"))
        .isEqualTo(Map.of("agentcustomstate", "65535"));
    assertThat(CustomStates.cancel(session).retcode()).isEqualTo("100-009");
    assertThat(CustomStates.set(session, 12).retcode()).isEqualTo("0");
    assertThat(CustomStates.set(session, 13).retcode()).isEqualTo("0");
    assertThat(CustomStates.query(session).body().get("result"))
        .isEqualTo(Map.of("agentcustomstate", "13"));
    assertThat(CustomStates.cancel(session).retcode()).isEqualTo("0");
    assertThat(session.customState).isEqualTo(CustomStates.UNSET);
  }

  @Test
  void aBadValueIsRefusedBeforeTheGuidIsChecked() {
    Gateway gateway = gateway(2);
    assertThat(gateway.setCustomState(AGENT, guid(null), "70000").retcode()).isEqualTo("000-002");
    assertThat(gateway.setCustomState(AGENT, guid(null), "7").retcode()).isEqualTo("100-006");
    String g = signIn(gateway, AGENT);
    assertThat(gateway.setCustomState(AGENT, guid(g), "7").retcode()).isEqualTo("0");
    assertThat(gateway.control().view(AGENT).customState()).isEqualTo(7);
  }
}
