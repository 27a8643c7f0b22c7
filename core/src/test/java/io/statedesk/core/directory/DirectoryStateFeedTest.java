package io.statedesk.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.session.Availability;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

  /** A directory with one row that cannot be written, as an H2 index damaged by a kill -9. */
  static final class OneBrokenRow extends DirectoryStates {
    final int broken;
    final Map<Integer, Availability> availability = new HashMap<>();
    final Map<Integer, Integer> states = new HashMap<>();
    final List<Integer> batches = new ArrayList<>();

    OneBrokenRow(int broken) {
      this.broken = broken;
    }

    @Override
    public void applyAvailability(Map<Integer, Availability> values) {
      batches.add(values.size());
      if (values.containsKey(broken)) {
        throw new IllegalStateException("Row not found when trying to delete from index");
      }
      availability.putAll(values);
    }

    @Override
    public void applySetStates(Map<Integer, Integer> set, Set<Integer> verified) {
      batches.add(set.size());
      if (set.containsKey(broken)) {
        throw new IllegalStateException("Row not found when trying to delete from index");
      }
      states.putAll(set);
    }
  }

  @Test
  void oneRowThatCannotBeWrittenHoldsBackNoOtherAgentAndIsTriedAgain() {
    OneBrokenRow directory = new OneBrokenRow(10352);
    DirectoryStateFeed feed = new DirectoryStateFeed();
    feed.directoryStates = directory;
    for (int agent = 10350; agent < 10355; agent++) {
      feed.offerAvailability(agent, Availability.HOSTED);
    }
    feed.offerAvailability(10354, null); // signed out: written as no session

    feed.flush();

    assertThat(directory.availability)
        .containsEntry(10350, Availability.HOSTED)
        .containsEntry(10353, Availability.HOSTED)
        .containsEntry(10354, Availability.NONE)
        .doesNotContainKey(10352)
        .hasSize(4);
    directory.batches.clear();
    feed.flush(); // only the broken row is left, and it is tried again
    assertThat(directory.batches).containsExactly(1, 1);
  }

  @Test
  void theStatesAChangeSetReachTheDirectoryAroundARowThatCannotBeWritten() {
    OneBrokenRow directory = new OneBrokenRow(10352);
    DirectoryWrites writes = new DirectoryWrites();
    writes.directoryStates = directory;

    writes.setStates(Map.of(10351, 110, 10352, 110, 10353, 110), Set.of(10351));

    assertThat(directory.states).containsOnlyKeys(10351, 10353);
  }
}
