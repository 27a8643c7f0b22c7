package io.statedesk.core.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.gateway.GatewayConfig;
import io.statedesk.core.gateway.GatewayException;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.testing.Control;
import io.statedesk.core.testing.SimulatorServer;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reading the directory from the simulator, whole or not at all. */
class GatewayDirectoryReaderIT {

  @Test
  void readsEveryGroupsAgentsThroughTheDirectoryAccount() {
    Control.reset(2, 60_000, 120_000, 120_000, 1_000);
    try (GatewayClient client = new GatewayClient(GatewayConfig.of(SimulatorServer.gatewayUrl()))) {
      List<DirectoryEntry> entries =
          new GatewayDirectoryReader(client, false, "7999001").read(999001, "Sim#999001");
      assertThat(entries).hasSize(2000);
      assertThat(entries)
          .extracting(DirectoryEntry::team)
          .containsOnly("Billing", "Technical Support", "Sales", "Retention");
      assertThat(entries)
          .allSatisfy(e -> assertThat(e.gatewayState()).isEqualTo(GatewayState.SIGNED_OUT));
      assertThat(Control.call("GET", "agents/999001", null))
          .as("signed out again")
          .contains("\"signedIn\":false");
      // a second run finds the account free again (or takes its own session over)
      assertThat(new GatewayDirectoryReader(client, false, "7999001").read(999001, "Sim#999001"))
          .hasSize(2000);
    }
  }

  @Test
  void anAccountSignedInElsewhereIsNeverTakenOver() {
    Control.reset(2, 60_000, 120_000, 120_000, 1_000);
    Control.call("POST", "agents/999001/elsewhere", null);
    try (GatewayClient client = new GatewayClient(GatewayConfig.of(SimulatorServer.gatewayUrl()))) {
      assertThatThrownBy(
              () -> new GatewayDirectoryReader(client, false, "7999001").read(999001, "Sim#999001"))
          .isInstanceOf(GatewayException.class)
          .hasMessageContaining("100-002");
      assertThat(Control.call("GET", "agents/999001", null))
          .as("the other console's session is still there")
          .contains("\"elsewhere\":true");
    }
  }

  @Test
  void aGatewayFailingHalfWayYieldsNothing() {
    Control.reset(2, 60_000, 120_000, 120_000, 1_000);
    Control.faults(
        "{\"failureShare\":1.0,\"failureRetcodes\":[\"100-007\"],\"operations\":[\"agentOnGroupEx\"]}");
    try (GatewayClient client = new GatewayClient(GatewayConfig.of(SimulatorServer.gatewayUrl()))) {
      assertThatThrownBy(
              () -> new GatewayDirectoryReader(client, false, "7999001").read(999001, "Sim#999001"))
          .isInstanceOf(GatewayException.class)
          .hasMessageContaining("100-007");
    } finally {
      Control.call("DELETE", "faults", null);
    }
  }

  /**
   * One transient failure among the thousands of reads of a sync with skills no longer fails the
   * sync: each read is tried again (2 % of the skill reads answered HTTP 500).
   */
  @Test
  void transientFailuresOfSingleReadsAreRetried() {
    Control.reset(2, 60_000, 120_000, 120_000, 1_000);
    Control.call("DELETE", "requests", null);
    Control.faults(
        "{\"httpErrorShare\":0.02,\"httpStatus\":500,\"operations\":[\"agentSkillsByWorkNo\"]}");
    try (GatewayClient client = new GatewayClient(GatewayConfig.of(SimulatorServer.gatewayUrl()))) {
      List<DirectoryEntry> entries =
          new GatewayDirectoryReader(client, true, "7999001").read(999001, "Sim#999001");
      assertThat(entries).hasSize(2000).allSatisfy(e -> assertThat(e.skills()).isNotEmpty());
      assertThat(Control.call("GET", "requests?operation=agentSkillsByWorkNo&limit=100000", null))
          .as("some reads were answered 500 and tried again")
          .contains("\"httpStatus\":500");
    } finally {
      Control.call("DELETE", "faults", null);
    }
  }

  @Test
  void skillsAreReadWhenAskedFor() {
    Control.reset(2, 60_000, 120_000, 120_000, 1_000);
    try (GatewayClient client = new GatewayClient(GatewayConfig.of(SimulatorServer.gatewayUrl()))) {
      List<DirectoryEntry> entries =
          new GatewayDirectoryReader(client, true, "7999001").read(999001, "Sim#999001");
      assertThat(entries).allSatisfy(e -> assertThat(e.skills()).isNotEmpty());
      assertThat(entries).anySatisfy(e -> assertThat(e.skills()).contains("Chat"));
    }
  }

  @Test
  void aWrongPasswordIsReported() {
    Control.reset(2, 60_000, 120_000, 120_000, 1_000);
    try (GatewayClient client = new GatewayClient(GatewayConfig.of(SimulatorServer.gatewayUrl()))) {
      assertThatThrownBy(
              () -> new GatewayDirectoryReader(client, false, "7999001").read(999001, "wrong"))
          .hasMessageContaining("100-004");
    }
  }
}
