package io.statedesk.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.session.RelayScope.Range;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class OwnershipTest {

  final List<Range> hosted = List.of(new Range(10001, 10100), new Range(20001, 20001));

  @Test
  void anInstanceCallsTheHostedAgentsOfItsShardsAndItsLeadAlsoTheUncoveredOnes() {
    Ownership own = new Ownership(false, Set.of(1, 3), 4, hosted, "a");
    assertThat(own.holds(10001)).isTrue(); // 10001 mod 4 = 1
    assertThat(own.holds(10002)).isFalse();
    assertThat(own.isHosted(20001)).isTrue();
    assertThat(own.isHosted(30000)).isFalse();
    String hostedSql = "(o.agent_id between 10001 and 10100 or o.agent_id between 20001 and 20001)";
    String relayedHere =
        "(not "
            + hostedSql
            + " and exists (select 1 from session_hold h"
            + " where h.agent_id = o.agent_id and h.console_id = ?7 and h.held_until > ?8))";
    assertThat(own.sql("o.agent_id", false, 7))
        .isEqualTo("((" + hostedSql + " and mod(o.agent_id, 4) in (1, 3)) or " + relayedHere + ")");
    assertThat(own.sql("o.agent_id", true, 7))
        .startsWith("((" + hostedSql + " and mod(o.agent_id, 4) in (1, 3)) or " + relayedHere)
        .endsWith(
            " or (not "
                + hostedSql
                + " and not exists (select 1 from session_hold h, cluster_member m"
                + " where h.agent_id = o.agent_id and h.console_id <> ?9 and h.held_until > ?10"
                + " and m.console_id = h.console_id and m.beat_until > ?11)))");
  }

  @Test
  void theConsoleAndTheTimeAreBoundNeverWrittenIntoTheText() {
    Ownership own = new Ownership(false, Set.of(1), 4, hosted, "x' or '1'='1");
    assertThat(own.sql("a", true, 7)).doesNotContain("x'");
    Instant now = Instant.parse("2026-12-03T03:00:00Z");
    assertThat(own.parameters(false, now, 7))
        .containsOnlyKeys(7, 8)
        .containsEntry(7, "x' or '1'='1")
        .containsEntry(8, Timestamp.from(now));
    assertThat(own.parameters(true, now, 7)).containsOnlyKeys(7, 8, 9, 10, 11);
  }

  @Test
  void theLabelsGoOnFromTheQuerysOwnWithoutAGap() {
    // Hibernate (WildFly) refuses ordinal labels with a gap: "?1 ... ?2 ... ?7" failed every claim
    Ownership own = new Ownership(false, Set.of(1), 4, hosted, "c");
    Instant now = Instant.parse("2026-12-03T03:00:00Z");
    for (int first : new int[] {2, 4}) {
      for (boolean lead : new boolean[] {false, true}) {
        String sql = own.sql("o.agent_id", lead, first);
        List<Integer> labels =
            Pattern.compile("\\?(\\d+)")
                .matcher(sql)
                .results()
                .map(m -> Integer.parseInt(m.group(1)))
                .distinct()
                .sorted()
                .toList();
        assertThat(labels).first().isEqualTo(first);
        assertThat(labels).last().isEqualTo(first + labels.size() - 1);
        assertThat(own.parameters(lead, now, first)).containsOnlyKeys(labels);
      }
    }
  }

  @Test
  void withoutShardsAnInstanceCallsNoHostedAgentAndAloneItCallsEveryone() {
    assertThat(new Ownership(false, Set.of(), 4, hosted, "a").sql("a", false, 1))
        .startsWith("(1 = 0 or (not (a between");
    assertThat(new Ownership(true, Set.of(), 4, List.of(), "a").sql("a", true, 1))
        .startsWith(
            "(1 = 0 or (not 1 = 0 and exists (select 1 from session_hold h where h.agent_id = a")
        .contains(" or (not 1 = 0 and not exists (select");
  }
}
