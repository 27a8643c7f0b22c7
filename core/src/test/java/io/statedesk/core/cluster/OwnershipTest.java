package io.statedesk.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.session.RelayScope.Range;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OwnershipTest {

  final List<Range> hosted = List.of(new Range(10001, 10100), new Range(20001, 20001));

  @Test
  void anInstanceCallsTheHostedAgentsOfItsShardsAndItsLeadAlsoTheUncoveredOnes() {
    Ownership own = new Ownership(false, Set.of(1, 3), 4, hosted);
    assertThat(own.holds(10001)).isTrue(); // 10001 mod 4 = 1
    assertThat(own.holds(10002)).isFalse();
    assertThat(own.isHosted(20001)).isTrue();
    assertThat(own.isHosted(30000)).isFalse();
    assertThat(own.sql("o.agent_id", false))
        .isEqualTo(
            "((o.agent_id between 10001 and 10100 or o.agent_id between 20001 and 20001)"
                + " and mod(o.agent_id, 4) in (1, 3))");
    assertThat(own.sql("o.agent_id", true))
        .endsWith(
            " or not ((o.agent_id between 10001 and 10100 or o.agent_id between 20001 and 20001)))");
  }

  @Test
  void withoutShardsAnInstanceCallsNoHostedAgentAndAloneItCallsEveryone() {
    assertThat(new Ownership(false, Set.of(), 4, hosted).sql("a", false)).isEqualTo("1 = 0");
    assertThat(new Ownership(true, Set.of(), 4, List.of()).sql("a", true))
        .isEqualTo("(1 = 0 or not (1 = 0))");
  }

  @Test
  void configuredAgentsBecomeContiguousRanges() {
    assertThat(Cluster.ranges(Set.of(5, 1, 2, 3, 9, 10)))
        .containsExactly(new Range(1, 3), new Range(5, 5), new Range(9, 10));
    assertThat(Cluster.ranges(Set.of())).isEmpty();
  }
}
