package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.web.api.ApiCalls;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

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

  WebDriverWait waiter() {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  void choose(String menu, String item) {
    click(By.id("agentsForm:" + menu));
    waitFor(
            By.xpath(
                "//div[@id='agentsForm:"
                    + menu
                    + "_panel']//li[.//label[normalize-space()='"
                    + item
                    + "']]//div[contains(@class,'ui-chkbox-box')]"))
        .click();
    awaitAjax();
    click(By.tagName("h1"));
    awaitAjax();
  }

  List<String> column(String styleClass) {
    return texts(By.cssSelector("#agentsForm\\:agentTable_data td." + styleClass)).stream()
        .map(text -> text.replaceFirst("^\\S+\\n", "")) // reflow's column title
        .toList();
  }

  long chartTotal(String chart) {
    Object sum =
        ((JavascriptExecutor) browser)
            .executeScript(
                "return PF('widget_agentsForm_"
                    + chart
                    + "').chart.data.datasets[0].data.reduce((a, b) => a + b, 0);");
    return ((Number) sum).longValue();
  }

  int listed() {
    return Integer.parseInt(text(By.id("agentsForm:matching")).replaceAll("\\D", ""));
  }

  @Test
  void skillsCountsChartsPageSelectionAndFiltersThatStay() {
    signIn("alice", "alice-demo");
    open("/agents.xhtml");
    assertThat(text(By.id("agentsForm:matching"))).isEqualTo("150 agents");
    assertThat(text(By.id("agentsForm:agentTable_head"))).contains("Skills");

    choose("teams", "Billing");
    waiter().until(ExpectedConditions.textToBe(By.id("agentsForm:matching"), "50 agents"));
    choose("skills", "VIP");
    waiter().until(d -> listed() < 50);
    int vip = listed();
    assertThat(vip).isPositive();
    assertThat(column("sd-col-skills")).isNotEmpty().allMatch(s -> s.contains("VIP"));
    assertThat(column("sd-col-team")).allMatch(t -> t.equals("Billing"));
    assertThat(chartTotal("customChart")).as("the charts count the agents listed").isEqualTo(vip);
    assertThat(chartTotal("gatewayChart")).isEqualTo(vip);

    click(By.id("agentsForm:agentTable:pageToggle"));
    awaitAjax();
    int onPage = Math.min(vip, 25);
    waiter()
        .until(
            ExpectedConditions.textToBe(
                By.id("agentsForm:selectedCount"),
                onPage + (onPage == 1 ? " agent selected" : " agents selected")));
    assertThat(
            browser.findElements(
                By.cssSelector("#agentsForm\\:agentTable_data tr.sd-row-selected")))
        .hasSize(onPage);

    screenshot("guide-agents-picker");

    String first = column("sd-col-id").get(0);
    WebElement search = browser.findElement(By.id("agentsForm:text"));
    search.sendKeys(first);
    waiter().until(ExpectedConditions.textToBe(By.id("agentsForm:matching"), "1 agent"));
    if (onPage > 1) {
      assertThat(text(By.id("agentsForm:outside")))
          .isEqualTo(
              (onPage == 2 ? "1 selected agent is" : (onPage - 1) + " selected agents are")
                  + " not in this list: the filters hide them, they stay selected.");
    }

    open("/history.xhtml");
    waitFor(By.id("historyForm"));
    open("/agents.xhtml");
    assertThat(text(By.id("agentsForm:teams"))).contains("Billing");
    assertThat(text(By.id("agentsForm:skills"))).contains("VIP");
    assertThat(browser.findElement(By.id("agentsForm:text")).getDomProperty("value"))
        .isEqualTo(first);
    assertThat(text(By.id("agentsForm:matching"))).isEqualTo("1 agent");

    click(By.id("agentsForm:resetFilters"));
    waiter().until(ExpectedConditions.textToBe(By.id("agentsForm:matching"), "150 agents"));
  }
}
