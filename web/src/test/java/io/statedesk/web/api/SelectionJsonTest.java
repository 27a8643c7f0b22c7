package io.statedesk.web.api;

import static io.statedesk.web.api.ServerLibraries.error;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.directory.AgentFilter;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.selection.SelectionKind;
import io.statedesk.core.selection.SelectionView;
import io.statedesk.core.session.Availability;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Saved selections' and agents' bodies and answers as Payara's Yasson and Hibernate Validator read
 * and write them: members, order and nulls as the API always answered.
 */
class SelectionJsonTest {

  @RegisterExtension static final ServerLibraries server = new ServerLibraries();

  static final Instant UPDATED = Instant.parse("2026-12-01T08:00:00Z");

  @Test
  void aDynamicSelectionIsWrittenWithItsSortedFilterAndNoAgents() {
    AgentFilter filter =
        new AgentFilter(
            new LinkedHashSet<>(List.of("Sales", "Billing")),
            null,
            Set.of(GatewayState.TALKING, GatewayState.IDLE),
            null,
            "ann",
            Set.of(Availability.HOSTED),
            Set.of());
    SelectionView view =
        new SelectionView(
            5,
            "Billing idle",
            SelectionKind.DYNAMIC,
            "alice",
            null,
            filter,
            null,
            true,
            true,
            UPDATED);
    assertThat(server.json(SelectionJson.Selection.of(view)))
        .isEqualTo(
            "{\"id\":5,\"name\":\"Billing idle\",\"kind\":\"DYNAMIC\",\"owner\":\"alice\","
                + "\"team\":null,\"shared\":false,\"mine\":true,\"editable\":true,\"filter\":"
                + "{\"teams\":[\"Billing\",\"Sales\"],\"skill\":null,\"states\":[\"IDLE\","
                + "\"TALKING\"],\"customState\":null,\"text\":\"ann\",\"sessions\":[\"HOSTED\"],"
                + "\"skills\":[]},\"agents\":null,\"updatedAt\":\"2026-12-01T08:00:00Z\"}");
    assertThat(server.json(new SelectionJson.Agents(2, List.of(10001, 10002))))
        .isEqualTo("{\"total\":2,\"agents\":[10001,10002]}");
  }

  @Test
  void aSelectionBodyBindsAndItsMalformedMembersAreRefusedByName() {
    SelectionBody fixed =
        server.bind("{\"name\":\"Mine\",\"agents\":[10001,10002]}", SelectionBody.class);
    assertThat(fixed.givesOne()).isTrue();
    assertThat(fixed.agentIds()).containsExactly(10001, 10002);
    assertThat(
            server
                .bind("{\"name\":\"Both\",\"agents\":[1],\"filter\":{}}", SelectionBody.class)
                .givesOne())
        .isFalse();
    assertThat(server.refusal(() -> server.bind("{\"name\":5}", SelectionBody.class)))
        .isEqualTo(error("name must be a string", "name"));
    assertThat(server.refusal(() -> server.bind("{\"agents\":{}}", SelectionBody.class)))
        .isEqualTo(error("agents must be an array of agent ids", "agents"));
  }

  @Test
  void anAgentIsWrittenInItsOrder() {
    assertThat(
            server.json(
                new AgentJson.AgentPage(
                    1,
                    0,
                    List.of(
                        new AgentJson.Agent(
                            10001,
                            "Ann",
                            "Billing",
                            List.of("fr", "de"),
                            GatewayState.IDLE,
                            null,
                            Availability.HOSTED)))))
        .isEqualTo(
            "{\"total\":1,\"first\":0,\"agents\":[{\"agentId\":10001,\"name\":\"Ann\","
                + "\"team\":\"Billing\",\"skills\":[\"fr\",\"de\"],\"gatewayState\":\"IDLE\","
                + "\"customState\":null,\"session\":\"HOSTED\"}]}");
    assertThat(server.json(new AgentJson.Synced(1, 2, 3)))
        .isEqualTo("{\"added\":1,\"updated\":2,\"removed\":3}");
    assertThat(server.json(new AgentJson.Imported(1, 2))).isEqualTo("{\"added\":1,\"updated\":2}");
  }
}
