package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Browsers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Base of the browser tests: a headless Chromium that starts each test with nothing of the test
 * before (see {@link SharedBrowser}), the shared console server, sign-in helpers, and a screenshot
 * of the final page of every test under {@code target/screenshots} for a person to look at.
 */
public abstract class BrowserTest {

  protected WebDriver browser;
  private String testName;
  private boolean changedBeyondReset;

  @BeforeEach
  void openBrowser(TestInfo info) {
    ConsoleServer.get();
    browser = SharedBrowser.take();
    changedBeyondReset = false;
    testName =
        getClass().getSimpleName()
            + "-"
            + info.getTestMethod().map(m -> m.getName()).orElse("test");
  }

  @AfterEach
  void closeBrowser() {
    if (browser == null) {
      return;
    }
    List<String> serverErrors = List.of();
    try {
      screenshot(testName);
      serverErrors = serverErrors();
    } finally {
      SharedBrowser.giveBack(browser, !changedBeyondReset);
      browser = null;
    }
    // a request of the page's own (an AJAX refresh the test did not wait for) that failed is a
    // defect even when the test's own steps passed
    assertThat(serverErrors).as("server errors in the browser's console").isEmpty();
  }

  private List<String> serverErrors() {
    try {
      return browser.manage().logs().get(LogType.BROWSER).getAll().stream()
          .map(LogEntry::getMessage)
          .filter(m -> m.contains("status of 500"))
          .toList();
    } catch (WebDriverException e) {
      return List.of(); // a browser the test quit or broke has no log to read
    }
  }

  /**
   * Sends a DevTools command to this test's browser. What such a command changes (a script run in
   * every new document, a download folder) outlives a reset, so the browser is quit after the test
   * and the next test gets a new one.
   */
  protected void devTools(String command, Map<String, Object> parameters) {
    changedBeyondReset = true;
    ((ChromeDriver) browser).executeCdpCommand(command, parameters);
  }

  /** Saves a PNG of the current page as {@code target/screenshots/NAME.png}. */
  protected void screenshot(String name) {
    try {
      Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
      Files.createDirectories(dir);
      byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
      Files.write(dir.resolve(name + ".png"), png);
    } catch (IOException | RuntimeException e) {
      System.err.println("Screenshot " + name + " failed: " + e);
    }
  }

  /** Opens a console path, e.g. {@code /admin/system.xhtml}. */
  protected void open(String path) {
    browser.get(ConsoleServer.consoleUrl() + path);
  }

  /** Signs in through the login page and waits for the overview page. */
  protected void signIn(String user, String password) {
    open("/login.xhtml");
    submitLogin(user, password);
    waitFor(By.id("currentUser"));
  }

  protected void submitLogin(String user, String password) {
    browser.findElement(By.id("login:username")).sendKeys(user);
    browser.findElement(By.id("login:password")).sendKeys(password);
    browser.findElement(By.id("login:submit")).click();
  }

  protected WebElement waitFor(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /**
   * The text of a visible element, read afresh if the page re-rendered it meanwhile: the picker and
   * the change page refresh their rows and counts live.
   */
  protected String text(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement element = d.findElement(by);
              return element.isDisplayed() ? element.getText() : null;
            });
  }

  /** Waits until PrimeFaces has no AJAX request queued or running. */
  protected void awaitAjax() {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(
            d ->
                (Boolean)
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return !window.PrimeFaces || (PrimeFaces.ajax.Queue.isEmpty() && (!window.jQuery || jQuery.active === 0));"));
  }

  /**
   * The texts of every element {@code by} finds, all from one rendering: read again if the page
   * re-rendered some of them meanwhile (the picker and the change page refresh live).
   */
  protected List<String> texts(By by) {
    return new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .until(d -> d.findElements(by).stream().map(WebElement::getText).toList());
  }

  /**
   * Clicks the element {@code by} finds, finding it again if the page re-rendered it first (the
   * picker and the change page refresh live) or something lay over it for a moment. Safe to retry:
   * a click refused for either reason did not happen.
   */
  protected void click(By by) {
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .ignoring(StaleElementReferenceException.class)
        .ignoring(ElementClickInterceptedException.class)
        .ignoring(ElementNotInteractableException.class)
        .until(
            d -> {
              d.findElement(by).click();
              return true;
            });
  }

  /** See {@link io.statedesk.testkit.Browsers#clickWhenSteady}. */
  protected void clickWhenSteady(By by) {
    Browsers.clickWhenSteady(browser, by);
  }

  protected void assertOnLoginPage() {
    waitFor(By.id("login:submit"));
    assertThat(browser.getCurrentUrl()).contains("/login.xhtml");
  }

  /**
   * Asserts that the page does not scroll sideways at the window's current width; a failure names
   * the elements that reach past the right edge.
   */
  protected void assertNoSidewaysScroll() {
    Object wide =
        ((JavascriptExecutor) browser)
            .executeScript(
                "var w = document.documentElement.clientWidth, out = [];"
                    + "document.querySelectorAll('body *').forEach(function (e) {"
                    + " var r = e.getBoundingClientRect();"
                    + " if (r.right > w + 1 && out.length < 8) {"
                    + "  out.push(e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(r.right)); } });"
                    + "return document.documentElement.scrollWidth <= w ? '' : out.join('; ');");
    assertThat(wide)
        .as("no sideways scroll at " + browser.manage().window().getSize().getWidth() + " px")
        .isEqualTo("");
  }
}
