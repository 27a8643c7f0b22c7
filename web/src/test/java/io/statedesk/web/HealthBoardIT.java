package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The admin's overview is a health board: what is wrong first, each line with a link to where it is
 * looked into; the System page says version, gateway, LDAP and sync, and shows no file path.
 */
class HealthBoardIT extends BrowserTest {

  @Test
  void theOverviewListsProblemsFirstEachWithItsLink() {
    browser.manage().window().setSize(new Dimension(1366, 900));
    signIn("admin", "admin-demo");
    open("/index.xhtml");
    List<WebElement> lines = waitFor(By.id("health")).findElements(By.cssSelector(".sd-health li"));
    assertThat(lines).hasSizeGreaterThanOrEqualTo(4);
    assertThat(lines.get(0).getDomAttribute("class"))
        .as("the test simulator seeds agents signed in elsewhere: not everything is fine")
        .doesNotContain("sd-health-OK");
    // the hosted agents' problem: a refused password until DirectoryAdminIT fixes it, and the
    // agents the simulator seeds as signed in elsewhere
    WebElement sessions = waitFor(By.cssSelector(".sd-health li.sd-topic-SESSIONS"));
    assertThat(sessions.getDomAttribute("class")).doesNotContain("sd-health-OK");
    assertThat(sessions.getText())
        .containsPattern(
            "hosted agents? ha(s|ve) credentials the gateway refused|signed in elsewhere");
    ((JavascriptExecutor) browser).executeScript("window.scrollTo(0, 0)");
    screenshot("HealthBoardIT-1366");
    browser.manage().window().setSize(new Dimension(390, 844));
    assertNoSidewaysScroll();
    screenshot("HealthBoardIT-390");

    click(By.cssSelector(".sd-health li.sd-topic-SESSIONS .sd-health-link"));
    assertThat(browser.getCurrentUrl()).contains("/admin/directory.xhtml");
    assertThat(text(By.cssSelector("h1.sd-title"))).isEqualTo("Agent directory and teams");
  }

  @Test
  void theSystemPageSaysVersionGatewayLdapAndSyncWithoutAnyPath() {
    signIn("admin", "admin-demo");
    open("/admin/system.xhtml");
    assertThat(text(By.id("version"))).matches("\\d+\\.\\d+\\.\\d+.*");
    assertThat(text(By.id("gateway"))).startsWith("http").endsWith("answers");
    assertThat(text(By.id("breaker"))).startsWith("closed");
    assertThat(text(By.id("ldap"))).startsWith("ldap://").endsWith("answers");
    assertThat(text(By.id("sync"))).isNotBlank();
    assertThat(text(By.id("databaseLocation"))).matches("embedded|[\\w.-]+(:\\d+)?/\\w+");
    String page = text(By.id("systemFacts"));
    assertThat(page)
        .doesNotContain("jdbc:")
        .doesNotContain("file:")
        .doesNotContainPattern("\\s/[a-z]");
  }
}
