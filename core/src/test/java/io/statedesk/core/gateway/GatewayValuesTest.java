package io.statedesk.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The two numbers the gateway bounds, each ruled in one place: agent ids and custom states. */
class GatewayValuesTest {

  @Test
  void agentIdsAre101To999999() {
    assertThat(List.of(100L, 101L, 999_999L, 1_000_000L, -1L, 4_294_967_397L))
        .map(AgentId::isValid)
        .containsExactly(false, true, true, false, false, false);
    assertThat(new AgentId(101).value()).isEqualTo(101);
    assertThat(new AgentId(4711)).hasToString("4711").isEqualTo(new AgentId(4711));
    assertThat(new AgentId(200)).isLessThan(new AgentId(300));
    assertThatThrownBy(() -> new AgentId(100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("An agent id is 101..999999, was 100");
  }

  @Test
  void customStatesAre0To65534() {
    assertThat(List.of(-1L, 0L, 65_534L, 65_535L))
        .map(CustomState::isValid)
        .containsExactly(false, true, true, false);
    assertThat(new CustomState(0)).hasToString("0");
    assertThat(new CustomState(7)).isLessThan(new CustomState(8));
    assertThatThrownBy(() -> new CustomState(65_535))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("A custom state is 0..65534, was 65535");
  }

  @Test
  void theClientRefusesOutOfRangeValuesWithTheSameRule() {
    // a state it is given is in range by its type; one the gateway answers with is checked
    assertThatThrownBy(() -> GatewayRepliesTest.customState("\"65536\""))
        .isInstanceOf(GatewayUnavailableException.class)
        .hasMessageContaining("0..65534");
    assertThatThrownBy(() -> GatewayRequest.requireAgentId("setCustomState", 100))
        .isInstanceOf(InvalidGatewayRequestException.class)
        .hasMessageContaining("101..999999");
  }
}
