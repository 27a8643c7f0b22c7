package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.web.api.ApiCalls;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A supervisor picks agents across pages; another supervisor never sees them. */
class AgentPickerIT extends BrowserTest {

  @BeforeEach
  void directorySynced() {
    ApiCalls.syncDirectory();
  }

  WebDriverWait waiter() {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  List<String> teamsOnPage() {
    return columnOnPage("sd-col-team");
  }

  /** The distinct texts of a column on the table's page, read again if a live refresh redrew it. */
  List<String> columnOnPage(String column) {
    return new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d ->
                d
                    .findElements(By.cssSelector("#agentsForm\\:agentTable_data tr td." + column))
                    .stream()
                    .map(WebElement::getText)
                    .distinct()
                    .collect(Collectors.toList()));
  }

  void chooseTeam(String team) {
    click(By.id("agentsForm:teams"));
    waitFor(
            By.xpath(
                "//div[@id='agentsForm:teams_panel']//li[.//label[normalize-space()='"
                    + team
                    + "']]//div[contains(@class,'ui-chkbox-box')]"))
        .click();
    awaitAjax();
    click(By.tagName("h1"));
    awaitAjax();
  }

  String rowBackground(int row) {
    return browser
        .findElement(By.xpath("//*[@id='agentsForm:agentTable_data']/tr[" + (row + 1) + "]"))
        .getCssValue("background-color");
  }

  String selectedText() {
    return text(By.id("agentsForm:selectedCount"));
  }

  @Test
  void selectionSurvivesPagingAndSelectAllMatchingCountsRight() {
    signIn("alice", "alice-demo");
    open("/agents.xhtml");
    assertThat(text(By.id("agentsForm:selectAll"))).isEqualTo("Select all 150 that match");
    assertThat(teamsOnPage())
        .allMatch(t -> List.of("Billing", "Technical Support", "Chinese Desk").contains(t));

    chooseTeam("Billing");
    waiter()
        .until(
            ExpectedConditions.textToBe(By.id("agentsForm:selectAll"), "Select all 50 that match"));
    assertThat(teamsOnPage()).containsExactly("Billing");

    click(By.cssSelector("[id$=':0:toggle']"));
    awaitAjax();
    click(By.cssSelector("[id$=':1:toggle']"));
    awaitAjax();
    assertThat(selectedText()).isEqualTo("2 agents selected");
    // a pick marks its row at once (the pick re-renders only the checkbox), unpicked rows not;
    // row 0, not row 1: the pointer rests on row 1 after its pick, and hover tints it
    assertThat(rowBackground(0)).isEqualTo("rgba(221, 244, 255, 1)");
    assertThat(rowBackground(2)).isNotEqualTo("rgba(221, 244, 255, 1)");

    browser
        .findElement(By.cssSelector("#agentsForm\\:agentTable_paginator_top .ui-paginator-next"))
        .click();
    awaitAjax();
    click(By.cssSelector("[id$=':25:toggle']"));
    awaitAjax();
    assertThat(selectedText())
        .as("a pick on page 2 adds to the picks of page 1")
        .isEqualTo("3 agents selected");

    browser
        .findElement(By.cssSelector("#agentsForm\\:agentTable_paginator_top .ui-paginator-prev"))
        .click();
    awaitAjax();
    assertThat(
            browser.findElements(
                By.cssSelector("#agentsForm\\:agentTable_data tr.sd-row-selected")))
        .hasSize(2);

    click(By.id("agentsForm:selectAll"));
    waiter()
        .until(
            ExpectedConditions.textToBe(By.id("agentsForm:selectedCount"), "50 agents selected"));

    click(By.id("agentsForm:clear"));
    waiter()
        .until(ExpectedConditions.textToBe(By.id("agentsForm:selectedCount"), "0 agents selected"));
  }

  @Test
  void clickingABarOfTheGatewayStateChartFiltersTheTable() {
    signIn("alice", "alice-demo");
    open("/agents.xhtml");
    waitFor(By.cssSelector("#agentsForm\\:gatewayChart canvas"));
    awaitAjax();
    // the chart is drawn again when the page refreshes live: aim and click at one drawing of it
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement canvas =
                  d.findElement(By.cssSelector("#agentsForm\\:gatewayChart canvas"));
              @SuppressWarnings("unchecked")
              List<Number> point =
                  (List<Number>)
                      ((JavascriptExecutor) d)
                          .executeScript(
                              "var c = PF('widget_agentsForm_gatewayChart').chart; var i = c.data.labels.indexOf('Idle');"
                                  + " var el = c.getDatasetMeta(0).data[i]; return [el.x, (el.y + el.base) / 2];");
              int x = point.get(0).intValue() - canvas.getSize().getWidth() / 2;
              int y = point.get(1).intValue() - canvas.getSize().getHeight() / 2;
              new Actions(d).moveToElement(canvas, x, y).click().perform();
              return true;
            });
    awaitAjax();
    waiter().until(d -> teamsOnPage().size() > 0);
    List<String> states = columnOnPage("sd-col-state");
    assertThat(states).containsExactly("Idle");
    assertThat(text(By.id("agentsForm:states"))).contains("Idle");
  }

  @Test
  void anotherTeamsSupervisorSeesNoneOfThem() {
    signIn("bob", "bob-demo");
    open("/agents.xhtml");
    assertThat(text(By.id("agentsForm:selectAll"))).isEqualTo("Select all 150 that match");
    assertThat(teamsOnPage())
        .allMatch(t -> List.of("Sales", "Retention", "Back Office").contains(t))
        .isNotEmpty();
    assertThat(
            browser.findElements(
                By.xpath(
                    "//div[@id='agentsForm:teams_panel']//label[normalize-space()='Billing']")))
        .isEmpty();
  }
}
