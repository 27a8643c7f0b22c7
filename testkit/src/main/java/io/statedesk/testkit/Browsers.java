package io.statedesk.testkit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.Point;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium from Debian's {@code chromium} and {@code chromium-driver} packages.
 *
 * <p>Exists so that no test ever lets Selenium Manager download a browser or a driver (this
 * workplace has no network beyond the package registries), and so that a missing package fails with
 * one line naming the package rather than being skipped.
 */
public final class Browsers {

  /**
   * How often a wait looks again. Selenium's own default is 500 ms: a step whose page answers in 60
   * ms (most AJAX updates) then idles for the rest of it, and the browser tests wait for something
   * hundreds of times per run. Each look is one WebDriver command, cheap beside that.
   */
  public static final Duration POLL = Duration.ofMillis(100);

  private Browsers() {}

  /**
   * A wait of up to {@code timeout} that looks every {@link #POLL}: every wait of the browser tests
   * is made here (or names its own poll), so none idles at Selenium's default.
   */
  public static WebDriverWait waitUpTo(WebDriver browser, Duration timeout) {
    return new WebDriverWait(browser, timeout, POLL);
  }

  /** A new headless Chromium session; the caller quits it. */
  public static WebDriver chromium() {
    Path binary = Path.of(System.getProperty("chrome.binary", "/usr/bin/chromium"));
    Path driver = Path.of(System.getProperty("chrome.driver", "/usr/bin/chromedriver"));
    if (!Files.isExecutable(binary)) {
      throw new IllegalStateException(
          "Browser tests need Chromium at "
              + binary
              + ": install the Debian package 'chromium' (apt-get install chromium).");
    }
    if (!Files.isExecutable(driver)) {
      throw new IllegalStateException(
          "Browser tests need ChromeDriver at "
              + driver
              + ": install the Debian package 'chromium-driver' (apt-get install chromium-driver).");
    }
    System.setProperty("webdriver.chrome.driver", driver.toString());
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary.toFile());
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=1400,1000",
        "--lang=" + System.getProperty("browser.lang", "en-US"));
    options.setExperimentalOption(
        "prefs", Map.of("intl.accept_languages", System.getProperty("browser.lang", "en-US")));
    // the browser's console (CSP violations, script errors) for tests that read it:
    // browser.manage().logs().get(LogType.BROWSER)
    options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(driver.toFile()).build();
    ChromeDriver browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    return browser;
  }

  /**
   * Clicks once the element has stopped moving: a dialog that grew (the preview table) is
   * re-centred by PrimeFaces after the AJAX update, and a click during that move lands on whatever
   * is under the old position.
   */
  public static void clickWhenSteady(WebDriver browser, By by) {
    Browsers.waitUpTo(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.visibilityOfElementLocated(by));
    // steady: the same place at two polls 150 ms apart (an opening animation moves it); found
    // afresh at each poll, as a polling page may render the element again meanwhile
    Point[] seen = {null};
    new WebDriverWait(browser, Duration.ofSeconds(10), Duration.ofMillis(150))
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              WebElement element = d.findElement(by);
              Point now = element.getLocation();
              boolean steady = now.equals(seen[0]) && element.isEnabled();
              seen[0] = now;
              return steady;
            });
    Browsers.waitUpTo(browser, Duration.ofSeconds(10))
        .ignoring(ElementClickInterceptedException.class)
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              d.findElement(by).click();
              return true;
            });
  }
}
