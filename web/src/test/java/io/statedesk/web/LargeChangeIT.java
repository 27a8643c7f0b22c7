package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.web.api.ApiCalls;
import io.statedesk.web.pages.AgentsPage;
import io.statedesk.web.pages.ChangePage;
import io.statedesk.web.pages.SetStateDialog;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A change above the confirmation threshold (100 agents in the test server): the preview says how
 * many will really change, the confirmation sits beside Apply, a wrong number is said there, Apply
 * waits for the right one, and a change where agents had no session ends amber, not green, on the
 * change page, in the history and in the API.
 */
class LargeChangeIT extends BrowserTest {

  @BeforeEach
  void directorySynced() {
    ApiCalls.syncDirectory();
  }

  @Test
  void aLargeChangeIsConfirmedBesideApplyAndEndsWithProblemsWhenAgentsHadNoSession() {
    signIn("alice", "alice-demo");
    AgentsPage picker =
        openAgents().awaitSelectAllLabel("Select all 150 that match", Duration.ofSeconds(60));
    picker.selectAllMatching().awaitSelected("150 agents selected");
    SetStateDialog dialog = picker.setState().chooseCodeAt(2);
    assertThat(dialog.codeLabel()).doesNotStartWith("Choose");
    dialog.preview();

    // 60 hosted sessions in the test server, 50 of them alice's: the rest cannot change now
    String summary = dialog.summary();
    assertThat(summary).matches("\\d+ of 150 agents will change · \\d+ cannot now · \\d+ .*");
    assertThat(summary).doesNotContain(" 0 cannot now");
    dialog.confirmation();
    assertThat(dialog.confirmationLabel())
        .startsWith("This change touches 150 agents: ")
        .contains("will really change")
        .contains("Type 150 to apply it");
    assertThat(dialog.applyButton().isEnabled()).as("Apply waits for the number").isFalse();
    assertThat(((JavascriptExecutor) browser).executeScript("return document.activeElement.id"))
        .as("the confirmation field has the focus after the preview")
        .isEqualTo("setStateForm:confirmation");

    // the preview's rows are read a page at a time, in agent order (the dialog keeps only counts)
    List<Integer> firstPage = dialog.previewIds();
    assertThat(firstPage).hasSize(5).isSorted();
    List<Integer> secondPage = dialog.nextPreviewPage().previewIds();
    assertThat(secondPage).hasSize(5).isSorted();
    assertThat(secondPage.get(0)).isGreaterThan(firstPage.get(4));

    WebElement error = dialog.confirmWithEnter("149").confirmationError();
    assertThat(error.getText()).contains("That is not 150").contains("Type 150");
    WebElement field = dialog.confirmation();
    assertThat(field.getDomProperty("value")).isEqualTo("149"); // kept, to be corrected
    assertThat(field.getDomAttribute("class")).contains("ui-state-error");
    assertThat(field.getDomAttribute("aria-invalid")).isEqualTo("true");
    WebElement apply = dialog.applyButton();
    assertThat(apply.isEnabled()).isFalse();
    assertThat(Math.abs(error.getLocation().getY() - apply.getLocation().getY()))
        .as("the error is beside Apply, not at the top of the dialog")
        .isLessThan(120);

    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", apply);
    screenshot("guide-set-state-preview");
    ChangePage change = dialog.confirm("150").apply().awaitStatus("Completed with problems");
    assertThat(change.statusClass()).contains("sd-status-COMPLETED_WITH_PROBLEMS");
    assertThat(Long.parseLong(change.count("noSession"))).isPositive();
    String id = change.id();

    var api = ApiCalls.as("alice", "alice-demo", "GET", "/changes/" + id, null);
    assertThat(api.body()).contains("\"headline\":\"COMPLETED_WITH_PROBLEMS\"");

    WebElement row = openHistory().row(id);
    assertThat(row.getText()).contains("Completed with problems");
  }
}
