package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Http;
import io.statedesk.web.api.ApiCalls;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * An admin creates a supervisor with a team on Administration → Users, resets the password, and
 * creates and revokes a relay client whose token is shown once; supervisors cannot open either
 * page.
 */
class UserAdminIT extends BrowserTest {

  WebDriverWait waiter() {
    return new WebDriverWait(browser, Duration.ofSeconds(20));
  }

  /**
   * Why one method: it is one user's journey, each step on what the step before left; split, each
   * part would sign in and build the same state again.
   */
  @Test
  void anAdminCreatesASupervisorWhoThenSignsInToTheirTeam() {
    String name = "carol" + System.nanoTime() % 10000;
    ApiCalls.syncDirectory(); // the teams to choose from
    signIn("admin", "admin-demo");
    open("/admin/users.xhtml");
    click(By.id("usersForm:new"));
    waitFor(By.id("userForm:username")).sendKeys(name);
    // every field sits on its label's row (a wrapper that does not render shifts the grid)
    for (String field : new String[] {"username", "displayName", "password", "teams"}) {
      int labelY =
          browser
              .findElement(By.cssSelector("label[for^='userForm:" + field + "']"))
              .getLocation()
              .getY();
      int fieldY = browser.findElement(By.id("userForm:" + field)).getLocation().getY();
      assertThat(Math.abs(labelY - fieldY)).as(field + " beside its label").isLessThan(20);
    }
    browser.findElement(By.id("userForm:displayName")).sendKeys("Carol <i>Sales</i>");
    browser.findElement(By.id("userForm:password")).sendKeys("carol-pass-1");
    browser.findElement(By.id("userForm:passwordAgain")).sendKeys("carol-pass-2");
    // teams are chosen from the directory's, never typed (a typo scoped a user to nobody)
    click(By.id("userForm:teams"));
    WebElement panel = waitFor(By.id("userForm:teams_panel"));
    assertThat(panel.getText()).contains("Billing", "Sales", "Back Office");
    assertThat(panel.findElements(By.cssSelector("li.ui-selectcheckboxmenu-item")))
        // the simulator's six groups, and any team other tests imported into the shared directory
        .as("the directory's teams")
        .hasSizeGreaterThanOrEqualTo(6);
    panel
        .findElement(
            By.xpath(
                ".//li[.//label[normalize-space()='Sales']]//div[contains(@class,'ui-chkbox-box')]"))
        .click();
    click(By.id("userForm:displayName"));
    click(By.id("userForm:save"));
    awaitAjax();
    assertThat(text(By.id("userForm"))).contains("The two passwords differ.");

    // the typed passwords were kept for the correction: fix the second one only
    assertThat(browser.findElement(By.id("userForm:password")).getDomProperty("value"))
        .isEqualTo("carol-pass-1");
    browser.findElement(By.id("userForm:passwordAgain")).clear();
    browser.findElement(By.id("userForm:passwordAgain")).sendKeys("carol-pass-1");
    click(By.id("userForm:save"));
    awaitAjax();
    waiter().until(ExpectedConditions.invisibilityOfElementLocated(By.id("userDialog")));
    String table = text(By.id("usersForm:users"));
    assertThat(table).contains(name).contains("Carol <i>Sales</i>").contains("[Sales]");
    // and the API refuses a team the directory does not know, with the field
    HttpResponse<String> typo =
        ApiCalls.as(
            "admin", "admin-demo", "PUT", "/users/" + name + "/teams", "{\"teams\":[\"Salse\"]}");
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.body()).contains("not a team of the agent directory: Salse");
    screenshot("UserAdminIT-users");

    click(By.id("logoutForm:logout"));
    assertOnLoginPage();
    signIn(name, "carol-pass-1");
    assertThat(browser.getCurrentUrl()).contains("/agents.xhtml");
    open("/admin/users.xhtml");
    assertThat(text(By.tagName("h1"))).containsIgnoringCase("denied");
  }

  @Test
  void aRelayTokenIsShownOnceWorksAndStopsWorkingWhenRevoked() throws Exception {
    String name = "desk-" + System.nanoTime() % 100000;
    signIn("admin", "admin-demo");
    open("/admin/relay-clients.xhtml");
    waitFor(By.id("createForm:name")).sendKeys(name);
    click(By.id("createForm:create"));
    String token = waitFor(By.id("tokenForm:token")).getDomProperty("value");
    assertThat(token).startsWith("sdr_");
    screenshot("UserAdminIT-token");
    click(By.id("tokenForm:done"));
    awaitAjax();
    assertThat(browser.getPageSource()).doesNotContain(token);

    HttpClient http = Http.client();
    HttpRequest list =
        HttpRequest.newBuilder(URI.create(ConsoleServer.consoleUrl() + "/api/sessions/10001"))
            .header("Authorization", "Bearer " + token)
            .DELETE()
            .build();
    // the token authenticates (404: nothing was relayed for that agent), then is revoked
    assertThat(http.send(list, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);

    open("/admin/relay-clients.xhtml");
    assertThat(text(By.id("clientsForm:clients"))).contains(name);
    browser
        .findElement(
            By.xpath(
                "//tr[.//span[normalize-space()='" + name + "']]//button[contains(@id,':revoke')]"))
        .click();
    click(By.cssSelector(".ui-confirmdialog-yes"));
    awaitAjax();
    assertThat(text(By.id("clientsForm:clients"))).contains("revoked");
    assertThat(http.send(list, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
  }
}
