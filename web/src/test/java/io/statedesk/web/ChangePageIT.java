package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.web.api.ApiCalls;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The change page a supervisor reads after a change: counts that agree with the rows and filter
 * them, technical columns only on request, and an undo that both changes point to, after which no
 * second undo is offered.
 */
class ChangePageIT extends BrowserTest {

  /** Technical Support agents of alice: two with a hosted session, one (10062) without. */
  static final String AGENTS = "10050,10056,10062";

  @BeforeEach
  void directorySynced() {
    ApiCalls.syncDirectory();
  }

  WebDriverWait waiter() {
    WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
    wait.ignoring(StaleElementReferenceException.class); // rows re-rendered
    return wait;
  }

  List<String> outcomesShown() {
    return texts(By.cssSelector("#changeForm\\:outcomeTable_data .sd-badge"));
  }

  @Test
  void countsFilterTheRowsDetailsAreOnRequestAndAnUndoLinksBothWays() {
    String id = ApiCalls.aliceChanges(AGENTS, 100, "change page test");

    signIn("alice", "alice-demo");
    open("/change.xhtml?id=" + id);
    waiter()
        .until(ExpectedConditions.textToBe(By.id("changeForm:status"), "Completed with problems"));
    assertThat(text(By.cssSelector(".sd-n-all"))).isEqualTo("3");
    assertThat(text(By.cssSelector(".sd-n-succeeded"))).isEqualTo("2");
    assertThat(text(By.cssSelector(".sd-n-noSession"))).isEqualTo("1");
    // the rows say what the counts say (read once the last poll's re-rendering has settled)
    waiter()
        .until(
            d ->
                outcomesShown().stream()
                    .sorted()
                    .toList()
                    .equals(List.of("no session", "succeeded", "succeeded")));

    screenshot("guide-change-page");
    String header = text(By.id("changeForm:outcomeTable_head"));
    assertThat(header).contains("Agent", "Name", "Outcome").doesNotContain("Retcode", "Attempts");
    click(By.id("changeForm:details"));
    awaitAjax();
    assertThat(text(By.id("changeForm:outcomeTable_head"))).contains("Retcode", "Attempts");

    browser
        .findElement(By.xpath("//ul[@id='counts']//a[.//span[contains(@class,'sd-n-noSession')]]"))
        .click();
    waiter().until(d -> outcomesShown().equals(List.of("no session")));
    assertThat(text(By.id("changeForm:outcomeTable_data"))).contains("10062");
    browser
        .findElement(By.xpath("//ul[@id='counts']//a[.//span[contains(@class,'sd-n-all')]]"))
        .click();
    waiter().until(d -> outcomesShown().size() == 3);

    click(By.id("changeForm:undo"));
    WebElement yes = waitFor(By.cssSelector(".ui-confirmdialog-yes"));
    assertThat(yes.getText()).isEqualTo("Undo 2 agents");
    assertThat(text(By.cssSelector(".ui-confirm-dialog-message"))).contains("the 2 agents");
    yes.click();
    waiter().until(d -> !d.getCurrentUrl().endsWith("id=" + id));
    String undo = browser.getCurrentUrl().replaceAll(".*id=(\\d+).*", "$1");
    waiter().until(ExpectedConditions.textToBe(By.id("changeForm:status"), "Completed"));
    assertThat(text(By.id("links"))).contains("Undo of change #" + id);
    assertThat(browser.findElements(By.id("changeForm:undo")))
        .as("an undo is not undone from its page")
        .isEmpty();

    open("/change.xhtml?id=" + id);
    assertThat(text(By.id("links"))).contains("Undone by change #" + undo);
    assertThat(browser.findElements(By.id("changeForm:undo")))
        .as("no second undo once undone")
        .isEmpty();
    assertThat(ApiCalls.as("alice", "alice-demo", "GET", "/changes/" + id, null).body())
        .contains("\"undoneBy\":" + undo);

    open("/change.xhtml?id=abc");
    assertThat(text(By.id("missing"))).contains("There is no such change");
  }
}
