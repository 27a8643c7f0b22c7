package io.statedesk.web;

import static io.statedesk.web.pages.AgentsPage.PICKED_ROW_BACKGROUND;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.web.api.ApiCalls;
import io.statedesk.web.pages.AgentsPage;
import io.statedesk.web.pages.AgentsPage.Filter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A supervisor picks agents across pages; another supervisor never sees them. */
class AgentPickerIT extends BrowserTest {

  @BeforeEach
  void directorySynced() {
    ApiCalls.syncDirectory();
  }

  @Test
  void selectionSurvivesPagingAndSelectAllMatchingCountsRight() {
    signIn("alice", "alice-demo");
    AgentsPage picker = openAgents();
    assertThat(picker.selectAllLabel()).isEqualTo("Select all 150 that match");
    assertThat(picker.teamsOnPage())
        .allMatch(t -> List.of("Billing", "Technical Support", "Chinese Desk").contains(t));

    picker.filterByTeam("Billing").awaitSelectAllLabel("Select all 50 that match");
    assertThat(picker.teamsOnPage()).containsExactly("Billing");

    picker.pick(0).pick(1);
    assertThat(picker.selected()).isEqualTo("2 agents selected");
    // a pick marks its row at once (the pick re-renders only the checkbox), unpicked rows not;
    // row 0, not row 1: the pointer rests on row 1 after its pick, and hover tints it
    assertThat(picker.rowBackground(0)).isEqualTo(PICKED_ROW_BACKGROUND);
    assertThat(picker.rowBackground(2)).isNotEqualTo(PICKED_ROW_BACKGROUND);

    picker.nextPage().pick(25);
    assertThat(picker.selected())
        .as("a pick on page 2 adds to the picks of page 1")
        .isEqualTo("3 agents selected");

    picker.previousPage();
    assertThat(picker.pickedRows()).isEqualTo(2);

    picker.selectAllMatching().awaitSelected("50 agents selected");
    picker.clearSelection().awaitSelected("0 agents selected");
  }

  @Test
  void clickingABarOfTheGatewayStateChartFiltersTheTable() {
    signIn("alice", "alice-demo");
    AgentsPage picker = openAgents().clickBar("gatewayChart", "Idle");
    page().waiting().until(d -> picker.teamsOnPage().size() > 0);
    assertThat(picker.gatewayStatesOnPage()).containsExactly("Idle");
    assertThat(picker.filterLabel(Filter.STATES)).contains("Idle");
  }

  @Test
  void anotherTeamsSupervisorSeesNoneOfThem() {
    signIn("bob", "bob-demo");
    AgentsPage picker = openAgents();
    assertThat(picker.selectAllLabel()).isEqualTo("Select all 150 that match");
    assertThat(picker.teamsOnPage())
        .allMatch(t -> List.of("Sales", "Retention", "Back Office").contains(t))
        .isNotEmpty();
    assertThat(picker.offers(Filter.TEAMS, "Billing")).isFalse();
  }
}
