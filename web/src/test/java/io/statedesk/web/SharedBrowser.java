package io.statedesk.web;

import io.statedesk.testkit.Browsers;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.logging.LogType;

/**
 * One headless Chromium for the browser tests of this JVM, emptied between tests.
 *
 * <p>Why: starting Chromium and its driver costs about 2 s on the 2-core CI machine, and a fresh
 * one per test added minutes to a suite that must stay under 25. Between tests the browser is put
 * back as a new one would be: one window at the default size, on {@code about:blank} (which closes
 * the page's websocket and AJAX), no cookies (so no console session), no storage for the console,
 * and its console log read empty. A test that changed it in a way a reset cannot undo (see {@link
 * BrowserTest#devTools}) or that broke it gets a new one. Used from the tests that run one after
 * another only (junit-platform.properties); the tests beside them start browsers of their own.
 */
final class SharedBrowser {

  static final Dimension DEFAULT_SIZE = new Dimension(1400, 1000); // Browsers.chromium's size

  private static WebDriver current;

  private SharedBrowser() {}

  /** The browser for the next test. */
  static synchronized WebDriver take() {
    if (current == null) {
      current = Browsers.chromium();
      WebDriver started = current;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> quietly(started)));
    }
    return current;
  }

  /**
   * Takes the browser back after a test: emptied for the next one, or quit when {@code reusable} is
   * false or the reset fails.
   */
  static synchronized void giveBack(WebDriver browser, boolean reusable) {
    if (reusable) {
      try {
        reset(browser);
        return;
      } catch (WebDriverException e) {
        System.err.println("Browser reset failed, the next test gets a new browser: " + e);
      }
    }
    quietly(browser);
    if (browser == current) {
      current = null;
    }
  }

  private static void reset(WebDriver browser) {
    List<String> windows = List.copyOf(browser.getWindowHandles());
    for (String extra : windows.subList(1, windows.size())) {
      browser.switchTo().window(extra).close();
    }
    browser.switchTo().window(windows.get(0));
    browser.get("about:blank");
    ChromeDriver chrome = (ChromeDriver) browser;
    chrome.executeCdpCommand("Network.clearBrowserCookies", Map.of());
    URI console = URI.create(ConsoleServer.consoleUrl());
    chrome.executeCdpCommand(
        "Storage.clearDataForOrigin",
        Map.of(
            "origin", console.getScheme() + "://" + console.getAuthority(), "storageTypes", "all"));
    browser.manage().window().setSize(DEFAULT_SIZE);
    browser.manage().logs().get(LogType.BROWSER);
  }

  private static void quietly(WebDriver browser) {
    try {
      browser.quit();
    } catch (WebDriverException e) {
      System.err.println("Browser quit failed: " + e);
    }
  }
}
