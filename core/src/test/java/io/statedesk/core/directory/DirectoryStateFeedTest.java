package io.statedesk.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.gateway.GatewayState;
import org.junit.jupiter.api.Test;

class DirectoryStateFeedTest {

  @Test
  void eventsMapToTheStatesTheyLeave() {
    assertThat(DirectoryStateFeed.stateAfter("AgentState_Ready")).isEqualTo(GatewayState.IDLE);
    assertThat(DirectoryStateFeed.stateAfter("AgentState_Busy")).isEqualTo(GatewayState.TALKING);
    assertThat(DirectoryStateFeed.stateAfter("AgentState_Work")).isEqualTo(GatewayState.WORK);
    assertThat(DirectoryStateFeed.stateAfter("AgentState_SetNotReady_Success"))
        .isEqualTo(GatewayState.BUSY);
    assertThat(DirectoryStateFeed.stateAfter("AgentState_SetRest_Success"))
        .isEqualTo(GatewayState.REST);
    assertThat(DirectoryStateFeed.stateAfter("AgentState_CancelRest_Success"))
        .isEqualTo(GatewayState.IDLE);
    assertThat(DirectoryStateFeed.stateAfter("AgentOther_ShutdownService"))
        .isEqualTo(GatewayState.SIGNED_OUT);
    assertThat(DirectoryStateFeed.stateAfter("AgentOther_InService")).isNull();
    assertThat(DirectoryStateFeed.stateAfter(null)).isNull();
  }
}
