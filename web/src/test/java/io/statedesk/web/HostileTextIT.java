package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Http;
import io.statedesk.web.api.ApiCalls;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A state code whose label and description are attacks renders as plain text everywhere a
 * supervisor meets it: the catalog table, the state chooser, the Set-state dialog's preview, the
 * change page, the agents table with its tooltip, and the growl that reports the finished change.
 * Every script in the strings would set {@code window.__x}; it must stay undefined.
 */
class HostileTextIT extends BrowserTest {

  static final String LABEL = "<script>__x=1</script>\"onclick=\"__x=2";
  static final String DESCRIPTION = "<img src=x onerror=\"__x=3\"> javascript:__x=4";

  WebDriverWait waiter() {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  void assertNoScriptRan() {
    Object x = ((JavascriptExecutor) browser).executeScript("return typeof window.__x;");
    assertThat(x).as("a hostile string ran as script").isEqualTo("undefined");
    assertThat(browser.findElements(By.cssSelector("img[src='x']"))).isEmpty();
  }

  @Test
  void aHostileLabelStaysTextInEveryWidget() throws Exception {
    String admin =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("admin:admin-demo".getBytes(StandardCharsets.UTF_8));
    String body =
        "{\"code\":3777,\"label\":\""
            + LABEL.replace("\"", "\\\"")
            + "\",\"description\":\""
            + DESCRIPTION.replace("\"", "\\\"")
            + "\",\"colour\":\"#aa0000\",\"category\":\"<i>cat</i>\",\"sortOrder\":5,"
            + "\"teams\":[\"Sales\"]}";
    HttpResponse<String> created =
        Http.client()
            .send(
                HttpRequest.newBuilder(URI.create(ConsoleServer.consoleUrl() + "/api/catalog"))
                    .header("Authorization", admin)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
    ApiCalls.syncDirectory();

    signIn("bob", "bob-demo"); // the code is offered to Sales, one of bob's teams
    open("/catalog.xhtml");
    assertThat(text(By.tagName("main"))).contains(LABEL).contains("<i>cat</i>");
    assertNoScriptRan();

    open("/agents.xhtml");
    click(By.id("agentsForm:teams"));
    waitFor(
            By.xpath(
                "//div[@id='agentsForm:teams_panel']//li[.//label[normalize-space()='Sales']]"
                    + "//div[contains(@class,'ui-chkbox-box')]"))
        .click();
    awaitAjax();
    click(By.tagName("h1"));
    awaitAjax();
    String agentId = text(By.cssSelector("#agentsForm\\:agentTable_data tr td:nth-child(2)"));
    click(By.cssSelector("[id$=':0:toggle']"));
    awaitAjax();
    click(By.id("agentsForm:setState"));
    awaitAjax();
    click(By.id("setStateForm:code"));
    waitFor(By.id("setStateForm:code_1"));
    WebElement item =
        browser.findElements(By.cssSelector("li[id^='setStateForm:code_']")).stream()
            .filter(li -> li.getDomProperty("textContent").startsWith("3777"))
            .findFirst()
            .orElseThrow(
                () ->
                    new AssertionError(
                        "no item 3777 among: "
                            + browser
                                .findElements(By.cssSelector("li[id^='setStateForm:code_']"))
                                .stream()
                                .map(li -> li.getDomProperty("textContent"))
                                .toList()));
    ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView(true);", item);
    assertThat(item.getDomProperty("textContent")).contains(LABEL);
    assertNoScriptRan();
    clickWhenSteady(By.id(item.getDomAttribute("id"))); // after the menu's opening animation
    awaitAjax();
    assertThat(text(By.id("setStateForm:code_label"))).contains(LABEL);
    click(By.id("setStateForm:preview"));
    awaitAjax();
    assertThat(text(By.id("setStateForm"))).contains(LABEL);
    assertNoScriptRan();

    clickWhenSteady(By.id("setStateForm:apply"));
    waiter().until(ExpectedConditions.urlContains("/change.xhtml"));
    WebElement growl = waitFor(By.cssSelector("#growl_container .ui-growl-message"));
    assertThat(growl.getText()).contains(LABEL).contains("finished");
    assertThat(text(By.id("changeForm:summary"))).contains(LABEL);
    screenshot("HostileTextIT-growl");
    assertNoScriptRan();

    open("/agents.xhtml");
    By cell =
        By.xpath(
            "//tbody[@id='agentsForm:agentTable_data']/tr[td[contains(@class,'sd-col-id')]"
                + "[text()[normalize-space()='"
                + agentId
                + "']]]//span[contains(@id,'customCell')]");
    // the picker refreshes its rows live (not while a tooltip is open): point at the row as drawn
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              new Actions(d).moveToElement(d.findElement(cell)).perform();
              return true;
            });
    WebElement tooltip = waitFor(By.cssSelector(".ui-tooltip .ui-tooltip-text"));
    assertThat(tooltip.getText()).contains(LABEL).contains(DESCRIPTION);
    screenshot("HostileTextIT-tooltip");
    assertNoScriptRan();
  }
}
