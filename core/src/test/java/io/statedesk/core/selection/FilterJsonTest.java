package io.statedesk.core.selection;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.directory.AgentFilter;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.session.Availability;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilterJsonTest {

  @Test
  void everyPartOfThePickersFilterSurvivesTheRoundTrip() {
    AgentFilter filter =
        new AgentFilter(
            Set.of("Billing", "Sales"),
            "Chat",
            Set.of(GatewayState.IDLE, GatewayState.REST),
            AgentFilter.NO_CUSTOM_STATE,
            "Ines \"the\" <b>",
            Set.of(Availability.HOSTED, Availability.NONE),
            Set.of("VIP"));
    String json = FilterJson.write(filter);
    assertThat(FilterJson.read(json)).isEqualTo(filter);
    assertThat(json).contains("\"states\":[\"IDLE\",\"REST\"]");
  }

  @Test
  void anEmptyFilterIsAnEmptyDocumentAndReadsAsNoFilter() {
    assertThat(FilterJson.write(AgentFilter.none())).isEqualTo("{}");
    assertThat(FilterJson.read("{}")).isEqualTo(AgentFilter.none());
    assertThat(FilterJson.read(null)).isEqualTo(AgentFilter.none());
  }

  @Test
  void partsThisVersionDoesNotKnowAreLeftOutNotFatal() {
    AgentFilter read =
        FilterJson.read(
            "{\"teams\":[\"Billing\"],\"states\":[\"IDLE\",\"LEVITATING\"],\"mood\":\"good\","
                + "\"customState\":\"x\"}");
    assertThat(read.teams()).containsExactly("Billing");
    assertThat(read.states()).containsExactly(GatewayState.IDLE);
    assertThat(read.customState()).isNull();
    assertThat(FilterJson.read("not json")).isEqualTo(AgentFilter.none());
  }
}
