package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.LoginPage;
import io.statedesk.web.pages.AgentsPage;
import io.statedesk.web.pages.CatalogAdminPage;
import io.statedesk.web.pages.ChangePage;
import io.statedesk.web.pages.HistoryPage;
import io.statedesk.web.pages.PageDriver;
import io.statedesk.web.pages.RelayClientsPage;
import io.statedesk.web.pages.SchedulePage;
import io.statedesk.web.pages.UsersAdminPage;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;

/**
 * Base of the browser tests: a headless Chromium that starts each test with nothing of the test
 * before (see {@link SharedBrowser}), the shared console server, sign-in helpers, the page objects
 * of {@link io.statedesk.web.pages} (each test opens the pages it drives), and a screenshot of the
 * final page of every test under {@code target/screenshots} for a person to look at.
 */
public abstract class BrowserTest {

  protected WebDriver browser;
  private PageDriver page;
  private String testName;
  private boolean changedBeyondReset;

  @BeforeEach
  void openBrowser(TestInfo info) {
    ConsoleServer.get();
    browser = SharedBrowser.take();
    page = new PageDriver(browser);
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
      page = null;
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
      page.screenshot(name);
    } catch (IOException | RuntimeException e) {
      System.err.println("Screenshot " + name + " failed: " + e);
    }
  }

  /** Opens a console path, e.g. {@code /admin/system.xhtml}. */
  protected void open(String path) {
    page.open(path);
  }

  /**
   * What page objects drive the browser with (waits by condition, clicks that survive live
   * re-rendering): {@code new ChangePage(page())} for the page the browser shows now.
   */
  protected PageDriver page() {
    return page;
  }

  /** Opens the login page. */
  protected LoginPage openLogin() {
    return LoginPage.open(page);
  }

  /** Opens the agent picker. */
  protected AgentsPage openAgents() {
    return AgentsPage.open(page);
  }

  /** Opens the page of change {@code id}. */
  protected ChangePage openChange(String id) {
    return ChangePage.open(page, id);
  }

  /** Opens the admins' catalog page. */
  protected CatalogAdminPage openCatalogAdmin() {
    return CatalogAdminPage.open(page);
  }

  /** Opens the History page. */
  protected HistoryPage openHistory() {
    return HistoryPage.open(page);
  }

  /** Opens the Schedule page. */
  protected SchedulePage openSchedule() {
    return SchedulePage.open(page);
  }

  /** Opens Administration → Users. */
  protected UsersAdminPage openUsersAdmin() {
    return UsersAdminPage.open(page);
  }

  /** Opens Administration → Relay clients. */
  protected RelayClientsPage openRelayClients() {
    return RelayClientsPage.open(page);
  }

  /** Signs in through the login page and waits for the page the console lands on. */
  protected void signIn(String user, String password) {
    openLogin().signIn(user, password);
  }

  protected void submitLogin(String user, String password) {
    new LoginPage(page).submit(user, password);
  }

  protected WebElement waitFor(By by) {
    return page.waitFor(by);
  }

  /** See {@link PageDriver#text}. */
  protected String text(By by) {
    return page.text(by);
  }

  /** See {@link PageDriver#awaitAjax}. */
  protected void awaitAjax() {
    page.awaitAjax();
  }

  /** See {@link PageDriver#texts}. */
  protected List<String> texts(By by) {
    return page.texts(by);
  }

  /** See {@link PageDriver#click}. */
  protected void click(By by) {
    page.click(by);
  }

  /** See {@link PageDriver#clickWhenSteady}. */
  protected void clickWhenSteady(By by) {
    page.clickWhenSteady(by);
  }

  protected void assertOnLoginPage() {
    new LoginPage(page).awaitShown();
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
