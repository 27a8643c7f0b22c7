package io.statedesk.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The relayed sessions' checks (the hosted settings' are {@link HostedSessionSettingsTest}). */
class HostedSessionsTest {

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
