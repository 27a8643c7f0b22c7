package io.statedesk.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HostedSessionsTest {

  @Test
  void parsesIdsAndRanges() {
    assertThat(HostedSessions.parseAgents("10001-10003, 20001"))
        .containsExactly(10001, 10002, 10003, 20001);
    assertThat(HostedSessions.parseAgents(" ")).isEmpty();
  }

  @Test
  void refusesBadRanges() {
    assertThatThrownBy(() -> HostedSessions.parseAgents("10-20"))
        .hasMessageContaining("'10-20' is not within 101..999999");
    assertThatThrownBy(() -> HostedSessions.parseAgents("abc"))
        .hasMessageContaining("'abc' is not an agent id or range");
    assertThatThrownBy(() -> HostedSessions.parseAgents("300-200"))
        .hasMessageContaining("not within");
  }

  @Test
  void relayValidationNamesTheField() {
    assertThatThrownBy(
            () ->
                RelaySessions.validate(
                    100, "279fe21d-2caa-4437-84c3-ab9e9dae20f5.AgentGateway0", null, null))
        .isInstanceOf(InvalidRelayRequestException.class)
        .hasMessageStartingWith("agentId");
    assertThatThrownBy(() -> RelaySessions.validate(10001, "<script>", null, null))
        .hasMessageStartingWith("guid");
    assertThatThrownBy(() -> RelaySessions.validate(10001, null, null, null))
        .hasMessage("guid is required");
    assertThatThrownBy(
            () ->
                RelaySessions.validate(10001, "279fe21d-2caa-4437-84c3-ab9e9dae20f5", "a\nb", null))
        .hasMessageStartingWith("cookie");
    assertThatThrownBy(
            () -> RelaySessions.validate(10001, "279fe21d-2caa-4437-84c3-ab9e9dae20f5", null, 3))
        .hasMessageStartingWith("authMode");
    RelaySessions.validate(
        10001, "279fe21d-2caa-4437-84c3-ab9e9dae20f5.AgentGateway1", "NSLB=1", 2);
  }

  @Test
  void relayTokenHashIsSha256Hex() {
    assertThat(RelayClients.hash("abc"))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }
}
