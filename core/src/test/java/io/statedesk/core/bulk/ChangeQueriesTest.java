package io.statedesk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The conditions of the outcome pages and the history, without a database: what each filter adds,
 * and that what a viewer may see always limits it.
 */
class ChangeQueriesTest {

  final Map<String, Object> params = new HashMap<>();

  @Test
  void outcomesAreLimitedByStatusAndTeamsOnlyWhenGiven() {
    assertThat(ChangeQueries.outcomeWhere(7, null, null, params))
        .isEqualTo(" where o.changeId = :id");
    assertThat(params).containsExactly(Map.entry("id", 7L));

    params.clear();
    assertThat(ChangeQueries.outcomeWhere(7, Set.of(), Set.of("Billing"), params))
        .isEqualTo(" where o.changeId = :id and o.team in :teams");
    assertThat(params).containsOnlyKeys("id", "teams");

    params.clear();
    assertThat(ChangeQueries.outcomeWhere(7, Set.of(OutcomeStatus.FAILED), Set.of(), params))
        .as("no team: nothing to see")
        .isEqualTo(" where o.changeId = :id and o.status in :statuses and 1 = 0");
    assertThat(params).containsOnlyKeys("id", "statuses");
  }

  @Test
  void theHistoryOfAnAdministratorWithoutFilterIsEverything() {
    assertThat(ChangeQueries.historyWhere(HistoryFilter.none(), null, Set.of(), params)).isEmpty();
    assertThat(params).isEmpty();
  }

  @Test
  void aSupervisorSeesTheirOwnChangesAndThoseThatTouchedTheirTeams() {
    assertThat(ChangeQueries.historyWhere(HistoryFilter.none(), "sue", Set.of(), params))
        .isEqualTo(" where c.createdBy = :me");
    assertThat(params).containsExactly(Map.entry("me", "sue"));

    params.clear();
    assertThat(ChangeQueries.historyWhere(HistoryFilter.none(), "sue", Set.of("Billing"), params))
        .startsWith(" where (c.createdBy = :me or exists (")
        .contains("o.team in :myTeams");
    assertThat(params).containsOnlyKeys("me", "myTeams");
  }

  @Test
  void everyFilterPartAddsItsClauseAndBlankTextAddsNone() {
    Instant from = Instant.parse("2026-12-01T00:00:00Z");
    Instant to = Instant.parse("2026-12-02T00:00:00Z");
    String where =
        ChangeQueries.historyWhere(
            new HistoryFilter(from, to, " sue ", 120, " Billing "), null, Set.of(), params);
    assertThat(where)
        .startsWith(" where c.createdAt >= :from and c.createdAt < :to and c.createdBy = :by")
        .contains("c.code = :code")
        .contains("o2.team = :team");
    assertThat(params)
        .containsEntry("from", from)
        .containsEntry("to", to)
        .containsEntry("by", "sue")
        .containsEntry("code", 120)
        .containsEntry("team", "Billing");

    params.clear();
    assertThat(
            ChangeQueries.historyWhere(
                new HistoryFilter(null, null, " ", null, ""), null, Set.of(), params))
        .isEmpty();
  }
}
