package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Browsers;
import io.statedesk.web.api.ApiCalls;
import io.statedesk.web.pages.ChangePage;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;

/**
 * The picker and the change page on a phone (390 px) and a small laptop (1024 px): no sideways
 * scrolling, the menu folded behind one button, and the columns a supervisor needs (Agent, Name,
 * Outcome) on screen.
 */
class ResponsiveIT extends BrowserTest {

  @BeforeEach
  void directorySynced() {
    ApiCalls.syncDirectory();
  }

  long js(String script) {
    return ((Number) ((JavascriptExecutor) browser).executeScript(script)).longValue();
  }

  void assertNoSidewaysScroll(String page) {
    awaitAjax();
    assertThat(js("return document.documentElement.scrollWidth"))
        .as(page + " scrolls sideways")
        .isLessThanOrEqualTo(js("return document.documentElement.clientWidth"));
  }

  /** Every cell of the first row with this class is shown, inside the window, not cut off. */
  void assertShown(String table, String column) {
    By cell = By.cssSelector("#" + table + "_data tr:first-child td." + column);
    // one rendering of the cell, measured again if the page refreshed its rows meanwhile (live)
    Rectangle rect =
        Browsers.waitUpTo(browser, Duration.ofSeconds(20))
            .ignoring(StaleElementReferenceException.class)
            .until(
                d -> {
                  WebElement element = d.findElement(cell);
                  return element.isDisplayed() ? element.getRect() : null;
                });
    assertThat(rect.getX() + rect.getWidth())
        .as(column + " inside the window")
        .isLessThanOrEqualTo((int) js("return document.documentElement.clientWidth"));
  }

  String change() {
    return ApiCalls.aliceChanges("10020,10026", 100, "responsive test");
  }

  void checkPages(int width, int height) {
    browser.manage().window().setSize(new Dimension(width, height));
    signIn("alice", "alice-demo");
    WebElement toggle = waitFor(By.id("menuToggleForm:menuToggle"));
    assertThat(browser.findElement(By.id("menuForm")).isDisplayed())
        .as("the menu is folded")
        .isFalse();
    toggle.click();
    WebElement agents = waitFor(By.xpath("//form[@id='menuForm']//a[normalize-space()='Agents']"));
    assertThat(toggle.getDomAttribute("aria-expanded")).isEqualTo("true");
    agents.click();
    waitFor(By.id("agentsForm:agentTable"));
    assertNoSidewaysScroll("agents at " + width);
    for (String column : new String[] {"sd-col-id", "sd-col-name", "sd-col-skills"}) {
      assertShown("agentsForm\\:agentTable", column);
    }
    screenshot("ResponsiveIT-agents-" + width);

    String id = change();
    openChange(id).awaitStatusMatching("Completed.*");
    assertNoSidewaysScroll("change at " + width);
    for (String column : new String[] {"sd-col-id", "sd-col-name", "sd-col-outcome"}) {
      assertShown("changeForm\\:outcomeTable", column);
    }
    screenshot("ResponsiveIT-change-" + width);
  }

  @Test
  void aPhoneShowsAgentNameAndOutcomeWithoutSidewaysScrolling() {
    checkPages(390, 844);
  }

  @Test
  void aSmallLaptopShowsThePagesWithoutClippingOrAWrappedMenu() {
    checkPages(1024, 768);
    assertThat(new ChangePage(page()).outcomeHead()).contains("Agent", "Name", "Outcome");
  }
}
