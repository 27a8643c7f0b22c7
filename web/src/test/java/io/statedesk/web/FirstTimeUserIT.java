package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Browsers;
import io.statedesk.web.api.ApiCalls;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * "Find the Idle Billing agents with skill VIP and set Training", done the way a first-time user
 * does it: only by the words on the screen (labels, button texts, menu entries), never by an
 * element id.
 */
class FirstTimeUserIT extends BrowserTest {

  WebDriverWait waiter(int seconds) {
    return Browsers.waitUpTo(browser, Duration.ofSeconds(seconds));
  }

  /** The field a visible label names (the way a screen reader finds it). */
  WebElement labelled(String label) {
    WebElement l = waitFor(By.xpath("//label[starts-with(normalize-space(),'" + label + "')]"));
    return browser.findElement(By.id(l.getDomAttribute("for")));
  }

  /** Clicks the first shown thing on the page that reads {@code text}. */
  void clickText(String text) {
    // the innermost element that reads the words inside something one clicks (a link, a button,
    // a label, a menu entry): a heading that reads the same is not it
    By words =
        By.xpath(
            "//*[normalize-space()='"
                + text
                + "'][not(*[normalize-space()='"
                + text
                + "'])][not(self::option)]"
                // what is there for screen readers only is not what a user clicks
                + "[not(ancestor-or-self::*[contains(@class,'sd-sr-only')])]"
                + "[ancestor-or-self::*[self::a or self::button or self::label or self::li]]");
    // found and clicked at once, again if the live page redrew it in between
    page().clickShown(words);
    awaitAjax();
  }

  /** Opens the menu that shows {@code menu} and ticks {@code item} in it. */
  void tick(String menu, String item) {
    clickText(menu);
    By box =
        By.xpath(
            "//div[contains(@class,'ui-selectcheckboxmenu-panel')]//li[.//label[normalize-space()='"
                + item
                + "']]//div[contains(@class,'ui-chkbox-box')]");
    page().clickShown(box);
    awaitAjax();
    click(By.tagName("h1")); // closes the menu
    awaitAjax();
  }

  static void makeReady(List<Integer> agents) throws Exception {
    assertThat(agents).as("Billing VIP agents").isNotEmpty();
    for (int agent : agents) {
      ConsoleServer.simulator().onAgent(agent, "ready");
    }
  }

  /**
   * Why one method: it is one user's journey, each step on what the step before left; split, each
   * part would sign in and build the same state again.
   */
  @Test
  void findTheIdleBillingAgentsWithSkillVipAndSetTraining() throws Exception {
    // the simulated floor moves 5 % of the agents every 5 s: the few Billing VIP agents with a
    // session could all be talking for minutes (the test waited 90 s in vain on a busy machine),
    // so they press "ready" at their phones first, as agents do (those signed out stay so)
    ApiCalls.syncDirectory(); // the directory first: the agents are found through it
    makeReady(ApiCalls.agentIds("team=Billing&skill=VIP"));
    ApiCalls.syncDirectory();
    open("/login.xhtml");
    labelled("User name").sendKeys("alice");
    labelled("Password").sendKeys("alice-demo");
    clickText("Sign in");
    clickText("Agents");

    tick("Teams", "Billing");
    tick("Gateway states", "Idle");
    tick("Skills", "VIP");
    // agents go idle and busy as the floor works: wait for the directory to show one
    waiter(90)
        // the sync below only nudges the directory: a dropped keep-alive connection is retried at
        // the next poll
        .ignoring(UncheckedIOException.class)
        .until(
            d -> {
              WebElement count = d.findElement(By.xpath("//strong[contains(.,' agent')]"));
              if (!count.getText().startsWith("0 ")) {
                return true;
              }
              ApiCalls.syncDirectory();
              d.navigate().refresh(); // the filters stay for the session
              return false;
            });
    List<String> rows = texts(By.xpath("//tbody/tr[td]"));
    assertThat(rows).isNotEmpty().allMatch(r -> r.contains("Billing") && r.contains("VIP"));
    assertThat(rows).allMatch(r -> r.contains("Idle"));

    WebElement selectAll =
        browser.findElement(By.xpath("//button[starts-with(normalize-space(),'Select all')]"));
    String all = selectAll.getText().replaceAll("\\D", "");
    selectAll.click();
    // "Select all" takes the agents that match when it is clicked: on a moving floor (the test made
    // them ready; 5 % of the agents change every 5 s) one may have left "Idle" since the list was
    // drawn, so the page may rightly select fewer than it listed, never more and never none
    Pattern selectedCount = Pattern.compile("\\b(\\d+) agents? selected");
    String selected =
        waiter(20)
            .ignoring(StaleElementReferenceException.class) // the page refreshes its rows
            .until(
                d -> {
                  Matcher m = selectedCount.matcher(d.findElement(By.tagName("main")).getText());
                  return m.find() && !m.group(1).equals("0") ? m.group(1) : null;
                });
    assertThat(Integer.parseInt(selected)).isBetween(1, Integer.parseInt(all));
    clickText("Set state…");

    // the menu beside the label "State" (in the field's cell, as a user sees it)
    waitFor(
            By.xpath(
                "//label[starts-with(normalize-space(),'State')]/following-sibling::div[1]"
                    + "/descendant-or-self::div[contains(@class,'ui-selectonemenu')][1]"))
        .click();
    waiter(10)
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//li[starts-with(normalize-space(),'100 · Training')]")))
        .click();
    awaitAjax();
    clickText("Preview");
    assertThat(text(By.xpath("//p[contains(.,'will change')]")))
        .containsPattern("of " + selected + " agents? will change");
    clickWhenSteady(By.xpath("//button[normalize-space()='Apply']"));

    waiter(30).until(ExpectedConditions.urlContains("/change.xhtml"));
    waiter(60)
        .until(
            ExpectedConditions.textMatches(
                By.cssSelector(".sd-change-head .sd-badge"), Pattern.compile("Completed.*")));
    assertThat(text(By.tagName("h2"))).contains("100 · Training");
    // the finish notice, below the status badge (read afresh: the page re-renders as it polls)
    int[] noticeTopBadgeBottom =
        waiter(30)
            .ignoring(StaleElementReferenceException.class)
            .until(
                d -> {
                  WebElement notice = d.findElement(By.cssSelector(".ui-growl-item-container"));
                  WebElement badge = d.findElement(By.cssSelector(".sd-change-head .sd-badge"));
                  return notice.getText().contains("finished")
                      ? new int[] {
                        notice.getRect().getY(),
                        badge.getRect().getY() + badge.getRect().getHeight()
                      }
                      : null;
                });
    assertThat(noticeTopBadgeBottom[0])
        .as("the finish notice does not cover the status badge")
        .isGreaterThan(noticeTopBadgeBottom[1]);
    assertThat(text(By.xpath("//table[.//th[normalize-space()='Outcome']]/tbody")))
        .contains("Billing");
  }
}
