package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.web.api.ApiCalls;
import io.statedesk.web.pages.AgentsPage;
import io.statedesk.web.pages.SavedSelections;
import io.statedesk.web.pages.SavedSelections.Kind;
import io.statedesk.web.pages.SetStateDialog;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Saved selections as a supervisor uses them: pick two agents, save them (fixed, shared with a
 * team), come back and use the selection, set a state on it from the Set-state dialog (read back at
 * the simulator); save a filter (dynamic) and use it to fill the menus and pick its agents.
 */
class SavedSelectionsIT extends BrowserTest {

  @BeforeEach
  void directorySynced() {
    ApiCalls.syncDirectory();
  }

  @Test
  void saveUseAndSetAStateThroughASelection() throws Exception {
    // 10047 and 10053 are Chinese Desk agents of alice's, hosted; start from a known state
    ApiCalls.aliceSetsAndWaits("10047,10053", 100);
    String fixed = "Desk pair <i>" + System.nanoTime() % 100000 + "</i>";
    signIn("alice", "alice-demo");
    AgentsPage picker = openAgents();
    picker.findAgent("10047").pick(0);
    picker.findAgent("10053").pick(0);
    picker.resetFilters();
    assertThat(picker.selected()).isEqualTo("2 agents selected");

    picker.savedSelections().save(fixed, Kind.FIXED, "Chinese Desk");
    assertThat(picker.messages()).contains("Selection \u201c" + fixed + "\u201d saved.");

    // a second visit: nothing picked until the selection is used
    picker = openAgents();
    assertThat(picker.selected()).isEqualTo("0 agents selected");
    SavedSelections saved = picker.savedSelections().choose(fixed);
    assertThat(saved.chosen())
        .contains(fixed)
        .contains("agents")
        .contains("shared with Chinese Desk");
    saved.use();
    picker.awaitSelected("2 agents selected");
    assertThat(picker.messages()).contains("2 agents picked");
    screenshot("saved-selections");

    // the Set-state dialog on the selection itself, not on the picked agents
    SetStateDialog dialog = picker.clearSelection().setState().source(fixed);
    assertThat(dialog.intro()).contains("saved selection");
    dialog.chooseCode("102 ·").preview();
    assertThat(dialog.totals()).contains("2 will change");
    screenshot("saved-selection-set-state");
    dialog.apply().awaitStatus("Completed");
    assertThat(ApiCalls.simulatorState(10047)).isEqualTo(102);
    assertThat(ApiCalls.simulatorState(10053)).isEqualTo(102);

    // a filter saved as it is: used later, it fills the menus and picks every agent it gives now
    String dynamic = "Desk by filter " + System.nanoTime() % 100000;
    picker = openAgents().findAgent("10047");
    picker.savedSelections().save(dynamic, Kind.FILTER, null);
    picker.resetFilters().savedSelections().choose(dynamic).use();
    picker.awaitMatching("1 agent", Duration.ofSeconds(30));
    assertThat(picker.searchText()).isEqualTo("10047");
    assertThat(picker.selected()).isEqualTo("1 agent selected");

    // deleted by its owner, after a confirmation
    picker.savedSelections().delete();
    assertThat(picker.messages()).contains("Selection \u201c" + dynamic + "\u201d deleted.");
    assertThat(picker.savedSelections().offered()).doesNotContain(dynamic);
  }
}
