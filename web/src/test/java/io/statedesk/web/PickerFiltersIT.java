package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.web.api.ApiCalls;
import io.statedesk.web.pages.AgentsPage;
import io.statedesk.web.pages.AgentsPage.Filter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The picker as a supervisor filters it: skills shown and chosen from a menu, a count of the agents
 * listed, charts that count only those, a select-this-page box, a quiet note when selected agents
 * leave the list, and filters that are still there after visiting another page.
 */
class PickerFiltersIT extends BrowserTest {

  @BeforeEach
  void directorySynced() {
    ApiCalls.syncDirectory();
  }

  /** A column's cells, without the column title that the table's reflow puts before them. */
  static List<String> column(AgentsPage picker, String styleClass) {
    return picker.column(styleClass).stream()
        .map(text -> text.replaceFirst("^\\S+\\n", "")) // reflow's column title
        .toList();
  }

  @Test
  void skillsCountsChartsPageSelectionAndFiltersThatStay() {
    signIn("alice", "alice-demo");
    AgentsPage picker = openAgents();
    assertThat(picker.matching()).isEqualTo("150 agents");
    assertThat(picker.head()).contains("Skills");

    picker.filterByTeam("Billing").awaitMatching("50 agents");
    picker.filterBySkill("VIP").awaitListedBelow(50);
    int vip = picker.listed();
    assertThat(vip).isPositive();
    assertThat(column(picker, "sd-col-skills")).isNotEmpty().allMatch(s -> s.contains("VIP"));
    assertThat(column(picker, "sd-col-team")).allMatch(t -> t.equals("Billing"));
    assertThat(picker.chartTotal("customChart"))
        .as("the charts count the agents listed")
        .isEqualTo(vip);
    assertThat(picker.chartTotal("gatewayChart")).isEqualTo(vip);

    int onPage = Math.min(vip, 25);
    picker
        .pickPage()
        .awaitSelected(onPage + (onPage == 1 ? " agent selected" : " agents selected"));
    assertThat(picker.pickedRows()).isEqualTo(onPage);

    screenshot("guide-agents-picker");

    String first = column(picker, "sd-col-id").get(0);
    picker.type(first).awaitMatching("1 agent");
    if (onPage > 1) {
      assertThat(picker.outsideNote())
          .isEqualTo(
              (onPage == 2 ? "1 selected agent is" : (onPage - 1) + " selected agents are")
                  + " not in this list: the filters hide them, they stay selected.");
    }

    openHistory().awaitShown();
    picker = openAgents();
    assertThat(picker.filterLabel(Filter.TEAMS)).contains("Billing");
    assertThat(picker.filterLabel(Filter.SKILLS)).contains("VIP");
    assertThat(picker.searchText()).isEqualTo(first);
    assertThat(picker.matching()).isEqualTo("1 agent");

    picker.resetFilters().awaitMatching("150 agents");
  }
}
