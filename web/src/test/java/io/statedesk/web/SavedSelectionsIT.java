package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.web.api.ApiCalls;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.Point;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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

  WebDriverWait waiter() {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  /** Types an agent id in the search box and waits until the table lists that agent alone. */
  void search(String agent) {
    var box = waitFor(By.id("agentsForm:text"));
    box.clear();
    box.sendKeys(agent);
    waiter()
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                d.findElements(By.cssSelector("#agentsForm\\:agentTable_data tr")).size() == 1
                    && d.findElement(By.id("agentsForm:agentTable_data"))
                        .getText()
                        .contains(agent));
    awaitAjax();
  }

  /**
   * Picks the item of a PrimeFaces one-menu whose text contains {@code text}: the shown one (a
   * dialog rendered again leaves its old, hidden panel behind), once its opening animation is over.
   */
  void chooseIn(String menu, String text) {
    click(By.id(menu));
    By item =
        By.xpath(
            "//li[starts-with(@id, '"
                + menu
                + "_') and contains(normalize-space(.), \""
                + text
                + "\")]");
    Point[] seen = {null};
    WebElement shown =
        new WebDriverWait(browser, Duration.ofSeconds(20), Duration.ofMillis(150))
            .ignoring(StaleElementReferenceException.class)
            .until(
                d -> {
                  WebElement e =
                      d.findElements(item).stream()
                          .filter(WebElement::isDisplayed)
                          .findFirst()
                          .orElse(null);
                  Point now = e == null ? null : e.getLocation();
                  boolean steady = now != null && now.equals(seen[0]);
                  seen[0] = now;
                  return steady ? e : null;
                });
    shown.click();
    awaitAjax();
  }

  void saveAs(String name, String kindLabelFor, String team) {
    clickWhenSteady(By.id("agentsForm:saveSelection"));
    awaitAjax();
    waitFor(By.id("saveSelectionForm:name")).sendKeys(name);
    click(By.cssSelector("label[for='" + kindLabelFor + "']"));
    if (team != null) {
      chooseIn("saveSelectionForm:team", team);
    }
    click(By.id("saveSelectionForm:saveIt"));
    awaitAjax();
    waiter()
        .until(
            ExpectedConditions.invisibilityOfElementLocated(
                By.id("saveSelectionForm:saveSelectionDialog")));
  }

  @Test
  void saveUseAndSetAStateThroughASelection() throws Exception {
    // 10047 and 10053 are Chinese Desk agents of alice's, hosted; start from a known state
    ApiCalls.aliceSetsAndWaits("10047,10053", 100);
    String fixed = "Desk pair <i>" + System.nanoTime() % 100000 + "</i>";
    signIn("alice", "alice-demo");
    open("/agents.xhtml");
    search("10047");
    click(By.cssSelector("[id$=':0:toggle']"));
    awaitAjax();
    search("10053");
    click(By.cssSelector("[id$=':0:toggle']"));
    awaitAjax();
    clickWhenSteady(By.id("agentsForm:resetFilters"));
    awaitAjax();
    assertThat(text(By.id("agentsForm:selectedCount"))).isEqualTo("2 agents selected");

    saveAs(fixed, "saveSelectionForm:kind:1", "Chinese Desk");
    assertThat(text(By.id("messages"))).contains("Selection \u201c" + fixed + "\u201d saved.");

    // a second visit: nothing picked until the selection is used
    open("/agents.xhtml");
    assertThat(text(By.id("agentsForm:selectedCount"))).isEqualTo("0 agents selected");
    chooseIn("agentsForm:savedSelection", fixed);
    assertThat(text(By.id("agentsForm:savedSelection_label")))
        .contains(fixed)
        .contains("agents")
        .contains("shared with Chinese Desk");
    clickWhenSteady(By.id("agentsForm:useSelection"));
    awaitAjax();
    waiter()
        .until(ExpectedConditions.textToBe(By.id("agentsForm:selectedCount"), "2 agents selected"));
    assertThat(text(By.id("messages"))).contains("2 agents picked");
    screenshot("saved-selections");

    // the Set-state dialog on the selection itself, not on the picked agents
    clickWhenSteady(By.id("agentsForm:clear"));
    awaitAjax();
    clickWhenSteady(By.id("agentsForm:setState"));
    awaitAjax();
    chooseIn("setStateForm:source", fixed);
    assertThat(text(By.id("setStateForm:intro"))).contains("saved selection");
    chooseIn("setStateForm:code", "102 ·");
    clickWhenSteady(By.id("setStateForm:preview"));
    awaitAjax();
    assertThat(text(By.id("previewTotals"))).contains("2 will change");
    screenshot("saved-selection-set-state");
    clickWhenSteady(By.id("setStateForm:apply"));
    waiter().until(ExpectedConditions.urlContains("/change.xhtml"));
    waiter().until(ExpectedConditions.textToBe(By.id("changeForm:status"), "Completed"));
    assertThat(ApiCalls.simulatorState(10047)).isEqualTo(102);
    assertThat(ApiCalls.simulatorState(10053)).isEqualTo(102);

    // a filter saved as it is: used later, it fills the menus and picks every agent it gives now
    String dynamic = "Desk by filter " + System.nanoTime() % 100000;
    open("/agents.xhtml");
    search("10047");
    saveAs(dynamic, "saveSelectionForm:kind:0", null);
    clickWhenSteady(By.id("agentsForm:resetFilters"));
    awaitAjax();
    chooseIn("agentsForm:savedSelection", dynamic);
    clickWhenSteady(By.id("agentsForm:useSelection"));
    awaitAjax();
    waiter().until(ExpectedConditions.textToBe(By.id("agentsForm:matching"), "1 agent"));
    assertThat(waitFor(By.id("agentsForm:text")).getDomProperty("value")).isEqualTo("10047");
    assertThat(text(By.id("agentsForm:selectedCount"))).isEqualTo("1 agent selected");

    // deleted by its owner, after a confirmation
    clickWhenSteady(By.id("agentsForm:deleteSelection"));
    clickWhenSteady(By.cssSelector(".ui-confirmdialog-yes"));
    awaitAjax();
    assertThat(text(By.id("messages"))).contains("Selection \u201c" + dynamic + "\u201d deleted.");
    click(By.id("agentsForm:savedSelection"));
    assertThat(text(By.id("agentsForm:savedSelection_items"))).doesNotContain(dynamic);
    browser.findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
  }
}
