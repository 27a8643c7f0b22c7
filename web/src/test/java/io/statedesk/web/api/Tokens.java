package io.statedesk.web.api;

import io.statedesk.testkit.BrowserSteps;
import io.statedesk.testkit.Browsers;
import io.statedesk.testkit.LoginPage;
import io.statedesk.web.ConsoleServer;
import io.statedesk.web.pages.PageDriver;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Personal API tokens for the API tests, made the only way there is: a user signs in and creates
 * one on My API tokens (the secret is read from the shown-once dialog). One read-write token per
 * user for the whole test run.
 */
public final class Tokens {

  private static final Map<String, String> MADE = new ConcurrentHashMap<>();

  private Tokens() {}

  /** {@code Bearer <token>} of a read-write token of the demo user {@code user}. */
  public static String bearer(String user, String password) {
    return "Bearer " + MADE.computeIfAbsent(user, u -> create(u, password, "tests", "READ_WRITE"));
  }

  /** Creates a token in a fresh browser session and returns its secret. */
  public static String create(String user, String password, String name, String scope) {
    WebDriver browser = Browsers.chromium();
    try {
      signIn(browser, user, password);
      return create(browser, name + "-" + System.nanoTime() % 1_000_000, scope);
    } finally {
      browser.quit();
    }
  }

  /** Signs {@code browser} in through the login page. */
  public static void signIn(WebDriver browser, String user, String password) {
    signIn(browser, ConsoleServer.consoleUrl(), user, password);
  }

  /** Signs {@code browser} in through the login page of the console at {@code console}. */
  public static void signIn(WebDriver browser, String console, String user, String password) {
    browser.get(console + LoginPage.PATH);
    new LoginPage(new BrowserSteps(browser, console, PageDriver.PATIENCE))
        .awaitShown()
        .signIn(user, password);
  }

  /** On a signed-in browser: creates a token on My API tokens and returns its secret. */
  public static String create(WebDriver browser, String name, String scope) {
    return create(browser, ConsoleServer.consoleUrl(), name, scope);
  }

  /** The same on the console at {@code console} (e.g. {@code http://localhost:8183/statedesk}). */
  public static String create(WebDriver browser, String console, String name, String scope) {
    browser.get(console + "/tokens.xhtml");
    wait(browser).until(ExpectedConditions.visibilityOfElementLocated(By.id("createForm:name")));
    browser.findElement(By.id("createForm:name")).sendKeys(name);
    // the menu's own <select> is hidden behind PrimeFaces' widget; the form posts its value
    ((JavascriptExecutor) browser)
        .executeScript(
            "document.getElementById('createForm:scope_input').value = arguments[0];", scope);
    browser.findElement(By.id("createForm:create")).click();
    // the dialog's form is replaced by the AJAX update: read the value once it is there
    return wait(browser)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              String v = d.findElement(By.id("tokenForm:token")).getDomProperty("value");
              return v != null && v.startsWith("sdt_") ? v : null;
            });
  }

  static WebDriverWait wait(WebDriver browser) {
    return Browsers.waitUpTo(browser, Duration.ofSeconds(30));
  }
}
