package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Browsers;
import io.statedesk.testkit.JsonFields;
import io.statedesk.web.api.ApiCalls;
import io.statedesk.web.pages.ChangePage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The audit page as a supervisor uses it: filter the trail down to one change, then open an agent's
 * history from the agents page and read which state the change gave it, by whom.
 */
class AuditPageIT extends BrowserTest {

  WebDriverWait waiter() {
    WebDriverWait wait = Browsers.waitUpTo(browser, Duration.ofSeconds(30));
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  @Test
  void filterToOneChangeThenReadAnAgentsHistory() {
    ApiCalls.syncDirectory();
    String note = "audit page " + System.nanoTime();
    String change = ApiCalls.aliceChanges("10055", 100, note);

    signIn("alice", "alice-demo");
    click(By.id("menuForm:audit"));
    waitFor(By.id("auditForm:auditTable"));
    WebElement filter = browser.findElement(By.id("auditForm:change"));
    filter.sendKeys(change, Keys.TAB);
    // the filtered table: every row is of the change (the unfiltered one shows the note as well,
    // and a wait for the note alone read it before the filter had applied)
    By tableRows = By.cssSelector("[id='auditForm:auditTable_data'] > tr");
    waiter()
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              List<WebElement> shown = d.findElements(tableRows);
              return !shown.isEmpty()
                  && shown.stream().allMatch(r -> r.getText().contains("change " + change))
                  && shown.stream().anyMatch(r -> r.getText().contains(note));
            });
    String rows = text(By.id("auditForm:auditTable_data"));
    // actions by their names, the key as the tooltip (the API and the export keep the key)
    assertThat(rows).contains("Change made").contains("change " + change).contains("alice");
    assertThat(rows).doesNotContain("bulk.submitted").doesNotContain("Signed in");
    assertThat(browser.findElements(By.cssSelector("[title='bulk.submitted']"))).isNotEmpty();
    screenshot("guide-audit-page");

    openAgents()
        .type("10055")
        .awaitMatching("1 agent", Duration.ofSeconds(30))
        .openHistoryOfFirstRow();
    waiter().until(ExpectedConditions.textToBePresentInElementLocated(By.id("agentName"), "10055"));
    assertThat(text(By.id("agentName"))).contains("Billing");
    String states = text(By.id("historyForm:states_data"));
    assertThat(states).contains("#" + change).contains("alice").contains("100 · Training");
    screenshot("guide-agent-history");
  }

  /**
   * Labels as they were: a code renamed after a change keeps its old label on the change's page and
   * in the history, with today's beside it.
   */
  @Test
  void aRenamedCodeKeepsItsLabelOnPastChanges() {
    ApiCalls.syncDirectory();
    int code = 3300 + (int) (System.nanoTime() % 600); // a code of its own each run
    String then = "Then " + (System.nanoTime() % 100000);
    String now = "Now " + (System.nanoTime() % 100000);
    var created =
        ApiCalls.as(
            "admin",
            "admin-demo",
            "POST",
            "/catalog",
            "{\"code\":" + code + ",\"label\":\"" + then + "\",\"colour\":\"#1f6feb\"}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String change = ApiCalls.aliceChanges("10049", code, "labels as they were");
    // read after the change: using a code marks it used, which moves its version
    String read = ApiCalls.as("admin", "admin-demo", "GET", "/catalog/" + code, null).body();
    long version = JsonFields.number(read, "version");
    var renamed =
        ApiCalls.as(
            "admin",
            "admin-demo",
            "PUT",
            "/catalog/" + code,
            "{\"label\":\"" + now + "\",\"colour\":\"#000000\",\"version\":" + version + "}");
    assertThat(renamed.statusCode()).as(renamed.body()).isEqualTo(200);

    signIn("alice", "alice-demo");
    ChangePage changePage = openChange(change);
    assertThat(changePage.codeLabel()).isEqualTo(code + " · " + then);
    assertThat(changePage.labelToday()).isEqualTo("(today: " + now + ")");
    assertThat(changePage.outcomeRows()).contains(code + " · " + then + " (today: " + now + ")");
    assertThat(openHistory().rows()).contains(code + " · " + then + " (today: " + now + ")");
    assertThat(ApiCalls.as("alice", "alice-demo", "GET", "/audit/agents/10049", null).body())
        .contains("\"label\":\"" + then + "\"")
        .contains("\"labelToday\":\"" + now + "\"");
  }
}
