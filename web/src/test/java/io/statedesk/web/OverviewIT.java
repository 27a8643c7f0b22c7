package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.statedesk.testkit.JsonFields;
import io.statedesk.web.api.ApiCalls;
import io.statedesk.web.pages.ChangePage;
import java.text.NumberFormat;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The overview is the floor's dashboard: agents per custom state (per team for a supervisor) as the
 * directory counts them, sessions, the change running now, the failures of the last day with a link
 * to their change, and for admins the gateway's breaker, error rate and latency.
 */
class OverviewIT extends BrowserTest {

  /** Technical Support agents of alice with a hosted session. */
  static final String AGENTS = "10050,10056";

  /** Refuses every state given to 10056 while set; each call to set a state takes a while. */
  static final String SLOW_AND_FAILING =
      "{\"latencyMs\":2500,\"operations\":[\"setCustomState\"],"
          + "\"failingAgents\":{\"10056\":\"100-009\"}}";

  @BeforeEach
  void knownStates() {
    ApiCalls.syncDirectory();
    ApiCalls.aliceSetsAndWaits(AGENTS, 121);
  }

  @AfterEach
  void faultsOff() throws Exception {
    ConsoleServer.simulator().clearFaults();
  }

  /** The figure the API gives alice for agents in {@code code} (or all, for null). */
  static long aliceAgents(Integer code) {
    var r =
        ApiCalls.as(
            "alice",
            "alice-demo",
            "GET",
            "/agents?max=1" + (code == null ? "" : "&customState=" + code),
            null);
    return JsonFields.number(r.body(), "total");
  }

  @Test
  void aSupervisorSeesTheirFloorTheRunningChangeAndItsFailureLinked() throws Exception {
    browser.manage().window().setSize(new Dimension(1366, 1000));
    signIn("alice", "alice-demo");
    ConsoleServer.simulator().faults(SLOW_AND_FAILING);
    String change = ApiCalls.aliceChanges(AGENTS, 122, "overview test");

    // while it runs, the overview lists it with a link
    await("change " + change + " listed as running")
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(500))
        .until(
            () -> {
              open("/index.xhtml");
              return text(By.id("openChanges")).contains("Change #" + change);
            });
    ApiCalls.aliceAwaits(change);
    ConsoleServer.simulator().clearFaults();

    open("/index.xhtml");
    assertThat(text(By.id("openChanges"))).doesNotContain("Change #" + change);
    // the failure of 10056, linked to its change
    WebElement failure =
        waitFor(
            By.xpath("//ul[@id='failures']/li[.//a[normalize-space()='Change #" + change + "']]"));
    assertThat(failure.getText()).contains("1 agent failed", "122 · ");

    // the figures are the directory's, for alice's teams only
    long all = aliceAgents(null);
    long in122 = aliceAgents(122);
    assertThat(in122).isPositive();
    assertThat(text(By.cssSelector("#stateTable caption")))
        .isEqualTo("Agents per custom state (" + shown(all) + " agents)");
    assertThat(text(By.cssSelector("#stateTable tr.sd-state-122 td"))).isEqualTo(shown(in122));
    assertThat(
            number(By.cssSelector("#sessionsHeld strong"))
                + number(By.cssSelector("#sessionsTakenOver strong"))
                + number(By.cssSelector("#sessionsNone strong")))
        .as("every agent counted once among the sessions")
        .isEqualTo(all);
    List<String> teams =
        browser.findElements(By.cssSelector("#teamTable tbody th")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(teams).contains("Technical Support").doesNotContain("Sales");
    assertThat(browser.findElements(By.id("gatewayHealth"))).as("admins only").isEmpty();
    assertThat(browser.findElements(By.id("health"))).as("admins only").isEmpty();
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    screenshot("guide-overview");
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('changes').scrollIntoView()");
    screenshot("guide-overview-changes");

    browser.manage().window().setSize(new Dimension(390, 844));
    assertNoSidewaysScroll();

    failure.findElement(By.tagName("a")).click();
    assertThat(browser.getCurrentUrl()).contains("/change.xhtml").endsWith("id=" + change);
    assertThat(new ChangePage(page()).outcomeTable()).contains("10056", "failed");
  }

  @Test
  void anAdminSeesTheWholeFloorAndTheGatewaysHealth() {
    browser.manage().window().setSize(new Dimension(1366, 1000));
    signIn("admin", "admin-demo");
    // a directory sync calls the gateway now, whatever ran before this test
    assertThat(ApiCalls.as("admin", "admin-demo", "POST", "/agents/sync", null).statusCode())
        .isEqualTo(200);
    open("/index.xhtml");
    long all =
        JsonFields.number(
            ApiCalls.as("admin", "admin-demo", "GET", "/agents?max=1", null).body(), "total");
    assertThat(text(By.cssSelector("#stateTable caption")))
        .isEqualTo("Agents per custom state (" + shown(all) + " agents)");
    long summed =
        browser.findElements(By.cssSelector("#stateTable tbody td")).stream()
            .mapToLong(td -> Long.parseLong(td.getText().replace(",", "")))
            .sum();
    assertThat(summed).isEqualTo(all);
    assertThat(browser.findElements(By.id("teamTable"))).as("supervisors only").isEmpty();
    assertThat(text(By.id("gatewayBreaker"))).startsWith("closed");
    assertThat(number(By.id("gatewayCalls"))).as("the directory sync called it").isPositive();
    assertThat(text(By.id("gatewayErrors"))).matches("\\d+(\\.\\d)?% \\([\\d,]+ failed\\)");
    assertThat(text(By.id("gatewayLatency"))).matches("[\\d,.]+ ms");
    assertThat(browser.findElements(By.cssSelector("#health li"))).isNotEmpty();
    assertThat(browser.findElements(By.id("setup"))).isNotEmpty();
    ((JavascriptExecutor) browser)
        .executeScript("document.getElementById('changes').scrollIntoView()");
    screenshot("guide-overview-admin");

    click(By.linkText("System details"));
    assertThat(browser.getCurrentUrl()).contains("/admin/system.xhtml");
  }

  /** A count as the English pages show it ("1,234"). */
  static String shown(long n) {
    return NumberFormat.getIntegerInstance(Locale.ENGLISH).format(n);
  }

  long number(By by) {
    return Long.parseLong(text(by).replace(",", ""));
  }
}
