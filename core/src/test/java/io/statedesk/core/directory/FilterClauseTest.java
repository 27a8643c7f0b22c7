package io.statedesk.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.session.Availability;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The picker's filters as JPQL within a team scope: the rule every scoped directory query shares
 * (AgentDirectoryIT runs the same clauses against 50,000 agents on a database).
 */
class FilterClauseTest {

  static AgentFilter teams(String... teams) {
    return new AgentFilter(Set.of(teams), null, Set.of(), null, null);
  }

  @Test
  void anAdminWithoutFiltersIsNotNarrowed() {
    FilterClause clause = FilterClause.unscoped(AgentFilter.none());
    assertThat(clause.where()).isEmpty();
    assertThat(clause.parameters()).isEmpty();
    assertThat(clause.whereAnd("a.skills is not null")).isEqualTo(" where a.skills is not null");
  }

  @Test
  void anAdminsTeamFilterApplies() {
    FilterClause clause = FilterClause.unscoped(teams("Sales"));
    assertThat(clause.where()).isEqualTo(" where a.team in :teams");
    assertThat(clause.parameters()).containsEntry("teams", Set.of("Sales"));
    assertThat(clause.whereAnd("a.agentId in :ids"))
        .isEqualTo(" where a.team in :teams and a.agentId in :ids");
  }

  @Test
  void aSupervisorSeesOnlyTheirTeamsAndAFilterNarrowsButNeverWidensThem() {
    Set<String> mine = Set.of("Billing", "Sales");
    assertThat(FilterClause.within(mine, AgentFilter.none()).orElseThrow().parameters())
        .containsEntry("teams", mine);
    assertThat(FilterClause.within(mine, teams("Sales", "Retention")).orElseThrow().parameters())
        .containsEntry("teams", Set.of("Sales"));
    assertThat(FilterClause.within(mine, teams("Retention")))
        .as("a team outside the scope gives nothing, even when asked for")
        .isEmpty();
    assertThat(FilterClause.within(Set.of(), AgentFilter.none()))
        .as("a supervisor without teams sees nothing")
        .isEmpty();
  }

  @Test
  void statesAndCustomStatesFilterByValueAndNoneSetIsNull() {
    FilterClause clause =
        FilterClause.unscoped(
            new AgentFilter(Set.of(), null, Set.of(GatewayState.IDLE), 301, null));
    assertThat(clause.where())
        .isEqualTo(" where a.gatewayState in :states and a.customState = :custom");
    assertThat(clause.parameters())
        .containsEntry("states", Set.of(GatewayState.IDLE))
        .containsEntry("custom", 301);
    FilterClause none =
        FilterClause.unscoped(
            new AgentFilter(Set.of(), null, Set.of(), AgentFilter.NO_CUSTOM_STATE, null));
    assertThat(none.where()).isEqualTo(" where a.customState is null");
    assertThat(none.parameters()).isEmpty();
  }

  @Test
  void noSessionIsANullAvailabilityAloneOrBesideNamedOnes() {
    assertThat(sessions(Availability.NONE).where())
        .isEqualTo(" where a.sessionAvailability is null");
    assertThat(sessions(Availability.NONE).parameters()).isEmpty();
    FilterClause hostedOrNone = sessions(Availability.HOSTED, Availability.NONE);
    assertThat(hostedOrNone.where())
        .isEqualTo(" where (a.sessionAvailability in :sessions or a.sessionAvailability is null)");
    assertThat(hostedOrNone.parameters()).containsEntry("sessions", Set.of(Availability.HOSTED));
    assertThat(sessions(Availability.HOSTED, Availability.RELAYED).where())
        .isEqualTo(" where a.sessionAvailability in :sessions");
  }

  static FilterClause sessions(Availability... sessions) {
    return FilterClause.unscoped(
        new AgentFilter(Set.of(), null, Set.of(), null, null, Set.of(sessions)));
  }

  @Test
  void skillsMatchWholeItemsAndTypedWildcardsAreDropped() {
    FilterClause one =
        FilterClause.unscoped(new AgentFilter(Set.of(), " Chat_% ", Set.of(), null, null));
    assertThat(one.where()).isEqualTo(" where concat(',', a.skills, ',') like :skill");
    assertThat(one.parameters()).containsEntry("skill", "%,Chat,%");
    FilterClause anyOf =
        FilterClause.unscoped(
            new AgentFilter(
                Set.of(), null, Set.of(), null, null, Set.of(), Set.of("Voice EN", "Chat")));
    assertThat(anyOf.where())
        .isEqualTo(
            " where (concat(',', a.skills, ',') like :anySkill0"
                + " or concat(',', a.skills, ',') like :anySkill1)");
    assertThat(anyOf.parameters())
        .as("in sorted order, so the same menu gives the same statement")
        .containsEntry("anySkill0", "%,Chat,%")
        .containsEntry("anySkill1", "%,Voice EN,%");
  }

  @Test
  void textMatchesNamesAndAnIdWhenItIsOne() {
    FilterClause id = text(" 100042 ");
    assertThat(id.where()).isEqualTo(" where (a.agentId = :id or a.name like :text)");
    assertThat(id.parameters()).containsEntry("id", 100042).containsEntry("text", "%100042%");
    FilterClause name = text("Agent\\ 4_9%");
    assertThat(name.where()).isEqualTo(" where lower(a.name) like :text");
    assertThat(name.parameters()).containsEntry("text", "%agent 49%").doesNotContainKey("id");
    assertThat(text("1234567").parameters())
        .as("more than six digits is no agent id")
        .doesNotContainKey("id");
    assertThat(text("   ").where()).isEmpty();
  }

  static FilterClause text(String text) {
    return FilterClause.unscoped(new AgentFilter(Set.of(), null, Set.of(), null, text));
  }

  @Test
  void filtersCombineWithAnd() {
    Optional<FilterClause> clause =
        FilterClause.within(
            Set.of("Billing"),
            new AgentFilter(
                Set.of(),
                "Chat",
                Set.of(GatewayState.TALKING),
                null,
                "ann",
                Set.of(Availability.HOSTED)));
    assertThat(clause.orElseThrow().where())
        .isEqualTo(
            " where a.team in :teams and a.gatewayState in :states"
                + " and a.sessionAvailability in :sessions"
                + " and concat(',', a.skills, ',') like :skill and lower(a.name) like :text");
    assertThat(clause.orElseThrow().parameters())
        .containsOnlyKeys("teams", "states", "sessions", "skill", "text");
  }

  @Test
  void aSortKeyNeverReachesTheQueryAsTyped() {
    assertThat(AgentDirectory.sortColumn("name")).isEqualTo("name");
    assertThat(AgentDirectory.sortColumn("customState")).isEqualTo("customState");
    assertThat(AgentDirectory.sortColumn("name; delete from DirectoryAgent")).isEqualTo("agentId");
    assertThat(AgentDirectory.sortColumn(null)).isEqualTo("agentId");
  }
}
