package io.statedesk.web.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The History page ({@code history.xhtml}): the table of past changes, each with a link to its
 * {@link ChangePage}, and the hint that points to the Schedule page while changes are upcoming.
 *
 * <p>Exists so that the tests which check what History lists (a change's row and result, a label as
 * it was, another team's change not listed) find its table and rows in one place instead of
 * spelling the page's ids in each test.
 */
public final class HistoryPage {

  public static final String PATH = "/history.xhtml";

  private static final By FORM = By.id("historyForm");
  private static final By TABLE = By.id("historyForm:changeTable");
  private static final By ROWS = By.id("historyForm:changeTable_data");
  private static final By UPCOMING = By.id("historyForm:upcoming");

  private final PageDriver page;

  /** The History page the browser shows now. */
  public HistoryPage(PageDriver page) {
    this.page = page;
  }

  /** Opens the History page. */
  public static HistoryPage open(PageDriver page) {
    page.open(PATH);
    return new HistoryPage(page);
  }

  /** Waits until the page's form is shown (the page has loaded). */
  public HistoryPage awaitShown() {
    page.waitFor(FORM);
    return this;
  }

  /** Waits until the table of changes is shown. */
  public HistoryPage awaitTable() {
    page.waitFor(TABLE);
    return this;
  }

  /** The table's rows' text. */
  public String rows() {
    return page.text(ROWS);
  }

  /** Whether the table links to change {@code id} now (no waiting). */
  public boolean lists(String id) {
    return page.has(link(id));
  }

  /** The table row of change {@code id}, once shown. */
  public WebElement row(String id) {
    return page.waitFor(
        By.xpath("//tr[.//a[contains(@id,':open') and normalize-space()='" + id + "']]"));
  }

  /** "2 scheduled changes upcoming": the hint that links to the Schedule page. */
  public String upcoming() {
    return page.text(UPCOMING);
  }

  private static By link(String id) {
    return By.xpath("//a[contains(@id,':open') and normalize-space()='" + id + "']");
  }
}
