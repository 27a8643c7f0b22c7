package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.web.api.ApiCalls;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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

  WebDriverWait waiter() {
    return new WebDriverWait(browser, Duration.ofSeconds(60));
  }

  @Test
  void aLargeChangeIsConfirmedBesideApplyAndEndsWithProblemsWhenAgentsHadNoSession() {
    signIn("alice", "alice-demo");
    open("/agents.xhtml");
    waiter()
        .until(
            ExpectedConditions.textToBe(
                By.id("agentsForm:selectAll"), "Select all 150 that match"));
    click(By.id("agentsForm:selectAll"));
    waiter()
        .until(
            ExpectedConditions.textToBe(By.id("agentsForm:selectedCount"), "150 agents selected"));
    click(By.id("agentsForm:setState"));
    awaitAjax();
    chooseCode(2);
    click(By.id("setStateForm:preview"));
    awaitAjax();

    // 60 hosted sessions in the test server, 50 of them alice's: the rest cannot change now
    String summary = text(By.id("setStateForm:summary"));
    assertThat(summary).matches("\\d+ of 150 agents will change · \\d+ cannot now · \\d+ .*");
    assertThat(summary).doesNotContain(" 0 cannot now");
    WebElement field = waitFor(By.id("setStateForm:confirmation"));
    assertThat(text(By.cssSelector("label[for='setStateForm:confirmation']")))
        .startsWith("This change touches 150 agents: ")
        .contains("will really change")
        .contains("Type 150 to apply it");
    WebElement apply = browser.findElement(By.id("setStateForm:apply"));
    assertThat(apply.isEnabled()).as("Apply waits for the number").isFalse();
    assertThat(((JavascriptExecutor) browser).executeScript("return document.activeElement.id"))
        .as("the confirmation field has the focus after the preview")
        .isEqualTo("setStateForm:confirmation");

    // the preview's rows are read a page at a time, in agent order (the dialog keeps only counts)
    List<Integer> firstPage = previewIds();
    assertThat(firstPage).hasSize(5).isSorted();
    click(By.cssSelector("#setStateForm\\:previewTable .ui-paginator-next"));
    awaitAjax();
    waiter()
        .ignoring(StaleElementReferenceException.class) // the page's rows are being replaced
        .until(d -> !previewIds().equals(firstPage));
    List<Integer> secondPage = previewIds();
    assertThat(secondPage).hasSize(5).isSorted();
    assertThat(secondPage.get(0)).isGreaterThan(firstPage.get(4));
    field = browser.findElement(By.id("setStateForm:confirmation"));

    field.sendKeys("149", Keys.ENTER);
    awaitAjax();
    WebElement error =
        waitFor(
            By.cssSelector(
                "[id='setStateForm:confirmMessage'] .ui-message-error-detail, "
                    + "[id='setStateForm:confirmMessage'].ui-message-error"));
    assertThat(error.getText()).contains("That is not 150").contains("Type 150");
    field = browser.findElement(By.id("setStateForm:confirmation"));
    assertThat(field.getDomAttribute("class")).contains("ui-state-error");
    assertThat(field.getDomAttribute("aria-invalid")).isEqualTo("true");
    apply = browser.findElement(By.id("setStateForm:apply"));
    assertThat(apply.isEnabled()).isFalse();
    assertThat(Math.abs(error.getLocation().getY() - apply.getLocation().getY()))
        .as("the error is beside Apply, not at the top of the dialog")
        .isLessThan(120);

    ((JavascriptExecutor) browser)
        .executeScript("arguments[0].scrollIntoView({block: 'center'});", apply);
    screenshot("guide-set-state-preview");
    field.clear();
    field.sendKeys("150");
    waiter().until(d -> d.findElement(By.id("setStateForm:apply")).isEnabled());
    clickWhenSteady(By.id("setStateForm:apply"));
    waiter().until(ExpectedConditions.urlContains("/change.xhtml"));
    waiter()
        .until(ExpectedConditions.textToBe(By.id("changeForm:status"), "Completed with problems"));
    assertThat(browser.findElement(By.id("changeForm:status")).getDomAttribute("class"))
        .contains("sd-status-COMPLETED_WITH_PROBLEMS");
    assertThat(Long.parseLong(text(By.cssSelector(".sd-n-noSession")))).isPositive();
    String id = browser.getCurrentUrl().replaceAll(".*id=(\\d+).*", "$1");

    var api = ApiCalls.as("alice", "alice-demo", "GET", "/changes/" + id, null);
    assertThat(api.body()).contains("\"headline\":\"COMPLETED_WITH_PROBLEMS\"");

    open("/history.xhtml");
    WebElement row =
        waitFor(By.xpath("//tr[.//a[contains(@id,':open') and normalize-space()='" + id + "']]"));
    assertThat(row.getText()).contains("Completed with problems");
  }

  private List<Integer> previewIds() {
    return browser
        .findElements(By.cssSelector("#setStateForm\\:previewTable_data tr td:first-child"))
        .stream()
        .map(td -> Integer.valueOf(td.getText().strip()))
        .toList();
  }

  private void chooseCode(int index) {
    for (int attempt = 0;
        attempt < 3 && text(By.id("setStateForm:code_label")).startsWith("Choose");
        attempt++) {
      click(By.id("setStateForm:code"));
      WebElement item = waitFor(By.id("setStateForm:code_" + index));
      new WebDriverWait(browser, Duration.ofSeconds(5))
          .until(ExpectedConditions.elementToBeClickable(item));
      item.click();
      awaitAjax();
    }
    assertThat(text(By.id("setStateForm:code_label"))).doesNotStartWith("Choose");
  }
}
