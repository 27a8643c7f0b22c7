package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.web.api.ApiCalls;
import io.statedesk.web.pages.AgentsPage;
import io.statedesk.web.pages.ChangePage;
import io.statedesk.web.pages.SetStateDialog;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * A supervisor picks agents across pages, previews, applies a state, watches the change finish,
 * retries the failed agent; another team's supervisor sees none of it.
 */
class SetStateIT extends BrowserTest {

  @BeforeEach
  void directorySynced() {
    ApiCalls.syncDirectory();
  }

  @AfterEach
  void faultsOff() throws Exception {
    ConsoleServer.simulator().clearFaults();
  }

  @Test
  void previewApplyWatchAndRetryTheFailedAgent() throws Exception {
    // the two hosted agents start in a known state other than the one set below (other tests
    // set Billing agents too); then the second refuses every state until the fault is lifted
    ApiCalls.aliceSetsAndWaits("10001,10007", 101);
    ConsoleServer.simulator().faults("{\"failingAgents\":{\"10007\":\"100-009\"}}");
    signIn("alice", "alice-demo");
    AgentsPage picker =
        openAgents()
            .filterByTeam("Billing")
            .awaitSelectAllLabel("Select all 50 that match", Duration.ofSeconds(30));
    picker.pick(0); // 10001, hosted
    picker.pick(1); // 10007, hosted, failing
    // the paginator is found again if a live refresh (another test's change on this console)
    // re-rendered the table between finding the button and clicking it
    picker.nextPage();
    picker.pick(25); // a Billing agent beyond the hosted range: no session
    assertThat(picker.selected()).isEqualTo("3 agents selected");

    SetStateDialog dialog = picker.setState();
    // code 100 (the catalog's first seeded code; other tests of this console may add codes that
    // sort before it)
    dialog.chooseCode("100 ·");
    assertThat(dialog.codeLabel()).startsWith("100 ·");
    assertThat(dialog.text())
        .as("read-back in plain words, not the API's name")
        .contains("Confirm afterwards")
        .doesNotContain("querycustomstate");
    dialog.note("Coaching <b>today</b>").preview();
    assertThat(dialog.totals()).contains("2 will change").contains("1 no session now");
    assertThat(dialog.previewRows()).isEqualTo(3);

    ChangePage change = dialog.apply().awaitStatus("Completed with problems");
    assertThat(change.count("succeeded")).isEqualTo("1");
    assertThat(change.count("failed")).isEqualTo("1");
    assertThat(change.count("noSession")).isEqualTo("1");
    assertThat(change.note()).isEqualTo("Coaching <b>today</b>");
    assertThat(change.outcomeTable()).doesNotContain("100-009");
    change.showDetails(); // the retcode is a detail
    assertThat(change.outcomeTable()).contains("100-009");
    String firstChange = change.id();

    ConsoleServer.simulator().clearFaults();
    change.retry().awaitStatus("Completed with problems");
    assertThat(change.count("succeeded")).isEqualTo("1"); // 10007 now
    assertThat(change.count("noSession")).isEqualTo("1");
    assertThat(change.summary()).contains("Retry of change #" + firstChange);
    screenshot("SetStateIT-retried");

    click(By.id("logoutForm:logout"));
    assertOnLoginPage();
    signIn("bob", "bob-demo");
    assertThat(openHistory().awaitTable().lists(firstChange)).isFalse();
    assertThat(openChange(firstChange).missing()).contains("There is no such change");
  }
}
