package io.statedesk.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.session.RelayScope.Range;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ShardsTest {

  @Test
  void configuredAgentsBecomeContiguousRanges() {
    assertThat(Shards.ranges(Set.of(5, 1, 2, 3, 9, 10)))
        .containsExactly(new Range(1, 3), new Range(5, 5), new Range(9, 10));
    assertThat(Shards.ranges(Set.of())).isEmpty();
  }

  @Test
  void theFairShareRoundsUpSoThatEveryShardHasAHolder() {
    assertThat(Shards.fairShare(16, 1)).isEqualTo(16);
    assertThat(Shards.fairShare(16, 3)).isEqualTo(6);
    assertThat(Shards.fairShare(16, 4)).isEqualTo(4);
    assertThat(Shards.fairShare(3, 5)).isEqualTo(1);
  }

  @Test
  void theHighestShardsAboveTheShareAreGivenUp() {
    assertThat(Shards.aboveShare(List.of(0, 2, 5, 7, 9), 3)).containsExactly(9, 7);
    assertThat(Shards.aboveShare(List.of(0, 2), 3)).isEmpty();
  }

  @Test
  void anAgentBelongsToTheShardOfItsIdModuloTheShardCount() {
    assertThat(Shards.agentsOf(Set.of(10000, 10001, 10002, 10003, 10004), Set.of(1, 3), 4))
        .containsExactly(10001, 10003);
    assertThat(Shards.agentsOf(Set.of(10000, 10001), Set.of(), 4)).isEmpty();
  }

  @Test
  void shardLeasesAreNamedInOrder() {
    assertThat(Shards.names(3)).containsExactly("shard-0", "shard-1", "shard-2");
  }
}
