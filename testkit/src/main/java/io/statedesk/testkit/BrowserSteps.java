package io.statedesk.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.ElementClickInterceptedException;
import org.openqa.selenium.ElementNotInteractableException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.Point;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a browser test does with a page of the console, whichever server runs it: open it, wait by
 * condition (never a fixed sleep), read texts afresh, click again when the page re-rendered an
 * element in between, wait for PrimeFaces' AJAX, keep a screenshot.
 *
 * <p>Exists because the console's pages refresh themselves (the picker and the change page
 * re-render rows, counts and charts whenever the console pushes news, PrimeFaces dialogs move while
 * they open): an element found a moment ago may be gone, moving or covered. The web module's
 * browser tests and page objects (through its {@code PageDriver}) and the server matrix's smoke
 * test go through these few waits, so the answer to that lives in one place instead of a copy in
 * each module. A step waits up to the patience it is given: the web tests' shared Payara Micro
 * answers within 20 s, a full server of the matrix on a loaded machine gets 60.
 */
public class BrowserSteps {

  private final WebDriver browser;
  private final String baseUrl;
  private final Duration patience;

  /**
   * Steps in {@code browser} on the console at {@code baseUrl} (e.g. {@code
   * http://localhost:8080/statedesk}), each waiting up to {@code patience} unless it says
   * otherwise.
   */
  public BrowserSteps(WebDriver browser, String baseUrl, Duration patience) {
    this.browser = browser;
    this.baseUrl = baseUrl;
    this.patience = patience;
  }

  /** The browser itself, for what no helper covers. */
  public WebDriver browser() {
    return browser;
  }

  /** Opens a console path, e.g. {@code /admin/system.xhtml}. */
  public void open(String path) {
    browser.get(baseUrl + path);
  }

  /** The current page's address. */
  public String url() {
    return browser.getCurrentUrl();
  }

  /** A wait of {@code timeout} that reads again when the page re-rendered an element meanwhile. */
  public WebDriverWait waiting(Duration timeout) {
    WebDriverWait wait = Browsers.waitUpTo(browser, timeout);
    wait.ignoring(StaleElementReferenceException.class);
    return wait;
  }

  /** A wait of this object's patience, see {@link #waiting(Duration)}. */
  public WebDriverWait waiting() {
    return waiting(patience);
  }

  /** The element {@code by} finds, once it is visible. */
  public WebElement waitFor(By by) {
    return Browsers.waitUpTo(browser, patience)
        .until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  /** Waits until the element {@code by} finds reads exactly {@code text}. */
  public void awaitText(By by, String text, Duration timeout) {
    waiting(timeout).until(ExpectedConditions.textToBe(by, text));
  }

  /** Waits up to this object's patience until the element {@code by} finds reads {@code text}. */
  public void awaitText(By by, String text) {
    awaitText(by, text, patience);
  }

  /** Waits until the element {@code by} finds contains {@code text}. */
  public void awaitTextIn(By by, String text) {
    waiting().until(ExpectedConditions.textToBePresentInElementLocated(by, text));
  }

  /**
   * The text of a visible element, read afresh if the page re-rendered it meanwhile: the picker and
   * the change page refresh their rows and counts live.
   */
  public String text(By by) {
    return waiting()
        .until(
            d -> {
              WebElement element = d.findElement(by);
              return element.isDisplayed() ? element.getText() : null;
            });
  }

  /**
   * The texts of every element {@code by} finds, all from one rendering: read again if the page
   * re-rendered some of them meanwhile (the picker and the change page refresh live).
   */
  public List<String> texts(By by) {
    return waiting().until(d -> d.findElements(by).stream().map(WebElement::getText).toList());
  }

  /** Whether the page has at least one element {@code by} finds, now (no waiting). */
  public boolean has(By by) {
    return !browser.findElements(by).isEmpty();
  }

  /** How many elements {@code by} finds, now (no waiting). */
  public int count(By by) {
    return browser.findElements(by).size();
  }

  /** Clears the field {@code by} finds, once visible, and types {@code text} into it. */
  public void type(By by, String text) {
    WebElement field = waitFor(by);
    field.clear();
    field.sendKeys(text);
  }

  /**
   * Clicks the element {@code by} finds, finding it again if the page re-rendered it first (the
   * picker and the change page refresh live) or something lay over it for a moment. Safe to retry:
   * a click refused for either reason did not happen.
   */
  public void click(By by) {
    waiting()
        .ignoring(ElementClickInterceptedException.class)
        .ignoring(ElementNotInteractableException.class)
        .until(
            d -> {
              d.findElement(by).click();
              return true;
            });
  }

  /**
   * Clicks the first shown and enabled element {@code by} finds, found and clicked at once, again
   * if the page re-rendered it in between: for locators that also find hidden copies (a menu panel
   * a re-rendered dialog left behind, a text also read by screen readers only).
   */
  public void clickShown(By by) {
    waiting()
        .ignoring(ElementClickInterceptedException.class)
        .until(
            d -> {
              WebElement shown =
                  d.findElements(by).stream()
                      .filter(e -> e.isDisplayed() && e.isEnabled())
                      .findFirst()
                      .orElse(null);
              if (shown == null) {
                return false;
              }
              shown.click();
              return true;
            });
  }

  /** See {@link Browsers#clickWhenSteady}: for buttons in a dialog that moves while it opens. */
  public void clickWhenSteady(By by) {
    Browsers.clickWhenSteady(browser, by);
  }

  /** Waits until PrimeFaces has no AJAX request queued or running. */
  public void awaitAjax() {
    Browsers.waitUpTo(browser, patience)
        .until(
            d ->
                (Boolean)
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "return !window.PrimeFaces || (PrimeFaces.ajax.Queue.isEmpty() && (!window.jQuery || jQuery.active === 0));"));
  }

  /** Runs a script in the page and returns its result. */
  public Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) browser).executeScript(script, arguments);
  }

  /**
   * Chooses an item of a PrimeFaces one-menu ({@code p:selectOneMenu} with id {@code menuId}): the
   * item {@code item} finds that is shown (a dialog rendered again leaves its old, hidden panel
   * behind), clicked once its panel has stopped opening. Done again until the menu's label shows
   * the item: a click during the panel's opening animation can miss it.
   */
  public void choose(String menuId, By item) {
    By label = By.id(menuId + "_label");
    waiting(Duration.ofSeconds(30))
        .ignoring(ElementClickInterceptedException.class)
        .ignoring(ElementNotInteractableException.class)
        .until(
            d -> {
              if (!shown(By.id(menuId + "_panel"))) {
                d.findElement(By.id(menuId)).click();
              }
              WebElement chosen = steadyShown(item);
              if (chosen == null) {
                return false; // the panel did not open: the menu is clicked again
              }
              String wanted = chosen.getText();
              script("arguments[0].scrollIntoView({block: 'nearest'});", chosen);
              chosen.click();
              awaitAjax();
              return wanted.equals(d.findElement(label).getText());
            });
  }

  /** An item of the one-menu {@code menuId} whose text contains {@code text}. */
  public static By itemContaining(String menuId, String text) {
    return By.xpath(
        "//li[starts-with(@id, '"
            + menuId
            + "_') and contains(normalize-space(.), \""
            + text
            + "\")]");
  }

  /**
   * Saves a PNG of the current page as {@code NAME.png} in {@code screenshots.dir} (default {@code
   * target/screenshots}), for a person to look at after the run; returns the file.
   */
  public Path screenshot(String name) throws IOException {
    Path dir = Path.of(System.getProperty("screenshots.dir", "target/screenshots"));
    Files.createDirectories(dir);
    byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
    return Files.write(dir.resolve(name + ".png"), png);
  }

  /** Whether any element {@code by} finds is shown. */
  private boolean shown(By by) {
    return browser.findElements(by).stream().anyMatch(WebElement::isDisplayed);
  }

  /**
   * The first shown element {@code by} finds, once it is at the same place at two polls; null when
   * none is shown and steady within 5 s.
   */
  private WebElement steadyShown(By by) {
    Point[] seen = {null};
    try {
      return new WebDriverWait(browser, Duration.ofSeconds(5), Duration.ofMillis(150))
          .ignoring(StaleElementReferenceException.class)
          .until(
              d -> {
                WebElement e =
                    d.findElements(by).stream()
                        .filter(WebElement::isDisplayed)
                        .findFirst()
                        .orElse(null);
                Point now = e == null ? null : e.getLocation();
                boolean steady = now != null && now.equals(seen[0]);
                seen[0] = now;
                return steady ? e : null;
              });
    } catch (TimeoutException e) {
      return null;
    }
  }
}
