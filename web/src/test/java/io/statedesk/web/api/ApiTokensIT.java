package io.statedesk.web.api;

import static io.statedesk.web.api.Api.send;
import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Browsers;
import io.statedesk.web.BrowserTest;
import io.statedesk.web.ConsoleServer;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * My API tokens: a token is shown once (with a Copy button), works as {@code Bearer}, is limited by
 * its scope, and stops working when revoked; admins see everyone's. An admin disabling a signed-in
 * supervisor ends the supervisor's session at their next click, and their tokens.
 */
class ApiTokensIT extends BrowserTest {

  WebDriverWait waiter() {
    return Browsers.waitUpTo(browser, Duration.ofSeconds(20));
  }

  @Test
  void aTokenIsShownOnceScopedAndRevocableAndAdminsSeeEveryonesTokens() {
    signIn("alice", "alice-demo");
    String name = "wallboard-" + System.nanoTime() % 100_000;
    String read = Tokens.create(browser, name, "READ");
    assertThat(read).startsWith("sdt_").hasSizeGreaterThan(40);
    assertThat(browser.findElement(By.id("tokenForm:copy")).isDisplayed()).isTrue();
    click(By.id("tokenForm:done"));
    awaitAjax();
    waiter().until(ExpectedConditions.invisibilityOfElementLocated(By.id("tokenDialog")));
    assertThat(browser.findElement(By.id("tokenForm:token")).getDomProperty("value")).isEmpty();
    assertThat(browser.getPageSource()).doesNotContain(read);
    assertThat(text(By.id("tokensForm:mine"))).contains(name).contains("read-only");

    String bearer = "Bearer " + read;
    assertThat(send("GET", "/agents?max=1", null, "Authorization", bearer).statusCode())
        .isEqualTo(200);
    HttpResponseAssert.status(
        send(
            "POST",
            "/changes?dryRun=true",
            "{\"agents\":[10001],\"code\":101}",
            "Authorization",
            bearer),
        403,
        "read-only");

    // the admin sees alice's token among everyone's
    WebDriver admin = Browsers.chromium();
    try {
      Tokens.signIn(admin, "admin", "admin-demo");
      admin.get(ConsoleServer.consoleUrl() + "/tokens.xhtml");
      Browsers.waitUpTo(admin, Duration.ofSeconds(20))
          .until(ExpectedConditions.textToBePresentInElementLocated(By.id("tokensForm:all"), name));
      assertThat(admin.findElement(By.id("tokensForm:all")).getText()).contains("alice");
    } finally {
      admin.quit();
    }

    // alice revokes it: it stops working at once
    revoke(name);
    assertThat(send("GET", "/agents?max=1", null, "Authorization", bearer).statusCode())
        .isEqualTo(401);
    assertThat(text(By.id("tokensForm:mine"))).contains("revoked");
  }

  @Test
  void disablingASignedInSupervisorEndsTheirSessionAndTheirTokens() {
    String user = "dora" + System.nanoTime() % 100_000;
    WebDriver admin = Browsers.chromium();
    try {
      Tokens.signIn(admin, "admin", "admin-demo");
      AdminUsers.create(admin, user, "dora-pass-1", "Billing");

      signIn(user, "dora-pass-1");
      String token = "Bearer " + Tokens.create(browser, "script", "READ_WRITE");
      click(By.id("tokenForm:done"));
      awaitAjax();
      assertThat(send("GET", "/agents?max=1", null, "Authorization", token).statusCode())
          .isEqualTo(200);
      open("/agents.xhtml");
      waitFor(By.id("currentUser"));

      AdminUsers.disable(admin, user);

      // the supervisor's next request lands on the sign-in page: a click on a menu link, or the
      // agents page's own live refresh if that comes first (on a busy machine it did, and a test
      // that only clicked waited in vain for the menu of a page that had already moved on)
      Browsers.waitUpTo(browser, Duration.ofSeconds(30))
          .until(
              d -> {
                if (!d.findElements(By.id("login:submit")).isEmpty()) {
                  return true;
                }
                try {
                  d.findElement(By.id("menuForm:history")).click();
                } catch (WebDriverException notThereOrMoving) {
                  // the page is being replaced: look again
                }
                return false;
              });
      assertOnLoginPage();
      open("/agents.xhtml");
      assertOnLoginPage();
      assertThat(send("GET", "/agents?max=1", null, "Authorization", token).statusCode())
          .isEqualTo(401);
    } finally {
      admin.quit();
    }
  }

  private void revoke(String name) {
    WebElement row =
        browser.findElement(
            By.xpath("//*[@id='tokensForm:mine']//tr[.//*[text()='" + name + "']]"));
    row.findElement(By.cssSelector("button[id$=':revoke']")).click();
    click(By.cssSelector(".ui-confirmdialog-yes"));
    awaitAjax();
  }

  /** Status assertions with the body in the message. */
  static final class HttpResponseAssert {
    private HttpResponseAssert() {}

    static void status(HttpResponse<String> r, int status, String bodyContains) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
      assertThat(r.body()).contains(bodyContains);
    }
  }
}
