package io.statedesk.web.pages;

import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The change page ({@code change.xhtml?id=…}) a supervisor reads after a change: its status, the
 * counts per outcome (which filter the rows), the per-agent outcomes with technical columns on
 * request, the links to the change it retried or undid, and Retry and Undo.
 *
 * <p>The page refreshes itself while the change runs: reads find their elements afresh, and the
 * waits for a status are long enough for a change of the test server's 150 agents.
 */
public final class ChangePage {

  public static final String PATH = "/change.xhtml";

  /** Long enough for the largest change the tests make to finish. */
  private static final Duration FINISHING = Duration.ofSeconds(60);

  private static final By STATUS = By.id("changeForm:status");
  private static final By SUMMARY = By.id("changeForm:summary");
  private static final By NOTE = By.id("changeForm:note");
  private static final By LINKS = By.id("links");
  private static final By DETAILS = By.id("changeForm:details");
  private static final By RETRY = By.id("changeForm:retry");
  private static final By UNDO = By.id("changeForm:undo");
  private static final By OUTCOME_TABLE = By.id("changeForm:outcomeTable");
  private static final By OUTCOME_HEAD = By.id("changeForm:outcomeTable_head");
  private static final By OUTCOME_BODY = By.id("changeForm:outcomeTable_data");
  private static final By OUTCOMES = By.cssSelector("#changeForm\\:outcomeTable_data .sd-badge");
  private static final By CONFIRM_YES = By.cssSelector(".ui-confirmdialog-yes");
  private static final By CONFIRM_MESSAGE = By.cssSelector(".ui-confirm-dialog-message");
  private static final By MISSING = By.id("missing");

  private final PageDriver page;

  /** The change page the browser shows now. */
  public ChangePage(PageDriver page) {
    this.page = page;
  }

  /** Opens the page of change {@code id} (any text: a wrong one shows "no such change"). */
  public static ChangePage open(PageDriver page, String id) {
    page.open(PATH + "?id=" + id);
    return new ChangePage(page);
  }

  /** Waits until the browser went to a change page (after Apply, say) and returns it. */
  public static ChangePage awaitOpened(PageDriver page) {
    page.waiting(FINISHING).until(ExpectedConditions.urlContains(PATH));
    return new ChangePage(page);
  }

  /** The change's id, from the page's address. */
  public String id() {
    return page.url().replaceAll(".*id=(\\d+).*", "$1");
  }

  /** Waits until the change's status reads {@code status} ("Completed with problems", …). */
  public ChangePage awaitStatus(String status) {
    page.awaitText(STATUS, status, FINISHING);
    return this;
  }

  /** Waits until the change's status matches {@code status} (e.g. {@code Completed.*}). */
  public ChangePage awaitStatusMatching(String status) {
    page.waiting(FINISHING).until(ExpectedConditions.textMatches(STATUS, Pattern.compile(status)));
    return this;
  }

  /** The change's status ("Running", "Completed", …). */
  public String status() {
    return page.text(STATUS);
  }

  /** The status badge's classes ({@code sd-status-COMPLETED_WITH_PROBLEMS}, …). */
  public String statusClass() {
    return page.waiting().until(d -> d.findElement(STATUS).getDomAttribute("class"));
  }

  /**
   * The count of one outcome as the counts above the table show it: {@code all}, {@code succeeded},
   * {@code failed}, {@code noSession}, ….
   */
  public String count(String outcome) {
    return page.text(countOf(outcome));
  }

  /** The count of one outcome as drawn now, read once: for waits that poll it themselves. */
  public String countNow(String outcome) {
    return page.browser().findElement(countOf(outcome)).getText();
  }

  /** Shows only the rows of one outcome (or {@code all}) by clicking its count. */
  public ChangePage filterByCount(String outcome) {
    page.click(By.xpath("//ul[@id='counts']//a[.//span[contains(@class,'sd-n-" + outcome + "')]]"));
    return this;
  }

  /** The outcome of every row shown ("succeeded", "no session", …), all from one rendering. */
  public List<String> outcomes() {
    return page.texts(OUTCOMES);
  }

  /** Waits until the rows shown have exactly these outcomes, in any order. */
  public ChangePage awaitOutcomes(List<String> outcomes) {
    List<String> wanted = outcomes.stream().sorted().toList();
    page.waiting(Duration.ofSeconds(30))
        .until(d -> outcomes().stream().sorted().toList().equals(wanted));
    return this;
  }

  /** Waits until the table shows {@code rows} rows. */
  public ChangePage awaitOutcomeCount(int rows) {
    page.waiting(Duration.ofSeconds(30)).until(d -> outcomes().size() == rows);
    return this;
  }

  /** The outcome the table shows for one agent ("succeeded", "failed", …). */
  public String outcomeOf(int agent) {
    return page.text(
        By.xpath(
            "//tbody[@id='changeForm:outcomeTable_data']/tr[td[contains(@class,'sd-col-id')]"
                // the cell's own text: it also holds the column's title for narrow screens
                + "[text()[normalize-space()='"
                + agent
                + "']]]//td[contains(@class,'sd-col-outcome')]/span[contains(@class,'sd-badge')]"));
  }

  /** The whole outcome table's text (titles and rows). */
  public String outcomeTable() {
    return page.text(OUTCOME_TABLE);
  }

  /** The outcome table's rows' text. */
  public String outcomeRows() {
    return page.text(OUTCOME_BODY);
  }

  /** The outcome table's column titles. */
  public String outcomeHead() {
    return page.text(OUTCOME_HEAD);
  }

  /** Presses Show details (the technical columns: retcode, attempts, duration). */
  public ChangePage showDetails() {
    page.click(DETAILS);
    page.awaitAjax();
    return this;
  }

  /** The change's summary panel: heading, links, note, counts. */
  public String summary() {
    return page.text(SUMMARY);
  }

  /** The state the change set, as it was called then ("100 · Training"). */
  public String codeLabel() {
    return page.text(By.id("changeForm:codeLabel"));
  }

  /** The state's label today, beside {@link #codeLabel()} when it was renamed since. */
  public String labelToday() {
    return page.text(By.id("changeForm:labelToday"));
  }

  /** The change's note. */
  public String note() {
    return page.text(NOTE);
  }

  /** The links to the change this one retried or undid, or that undid it. */
  public String links() {
    return page.text(LINKS);
  }

  /**
   * Presses Export (a CSV download), on the button as it stands once it stopped moving: the page
   * renders once more as the change ends.
   */
  public ChangePage export() {
    page.clickWhenSteady(By.id("changeForm:export"));
    return this;
  }

  /** Whether the page offers Undo. */
  public boolean offersUndo() {
    return page.has(UNDO);
  }

  /** Presses Retry and waits for the page of the new change. */
  public ChangePage retry() {
    String before = id();
    page.click(RETRY);
    page.waiting(Duration.ofSeconds(30))
        .until(
            d -> d.getCurrentUrl().contains(PATH) && !d.getCurrentUrl().endsWith("id=" + before));
    return this;
  }

  /** Presses Undo and returns the question it asks. */
  public UndoQuestion undo() {
    page.click(UNDO);
    WebElement yes = page.waitFor(CONFIRM_YES);
    return new UndoQuestion(yes.getText(), page.text(CONFIRM_MESSAGE));
  }

  /** Says yes to the undo question and waits for the page of the undo. */
  public ChangePage confirmUndo() {
    String before = id();
    page.waitFor(CONFIRM_YES).click();
    page.waiting(Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().endsWith("id=" + before));
    return this;
  }

  /** What the page says when there is no such change (or none of the user's). */
  public String missing() {
    return page.text(MISSING);
  }

  private static By countOf(String outcome) {
    return By.cssSelector(".sd-n-" + outcome);
  }

  /** The undo's confirmation: its Yes button's text and its question. */
  public record UndoQuestion(String yes, String message) {}
}
