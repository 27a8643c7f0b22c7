package io.statedesk.web.pages;

import org.openqa.selenium.By;

/**
 * The Schedule page ({@code schedule.xhtml}): the upcoming, running and reverting scheduled changes
 * with their times in the user's zone, and Cancel on each that has not started.
 *
 * <p>Exists so that the tests find the schedule's table and a schedule's Cancel button in one
 * place; the table refreshes itself every 5 s, so reads find their elements afresh.
 */
public final class SchedulePage {

  public static final String PATH = "/schedule.xhtml";

  private static final By TABLE = By.id("scheduleForm:scheduleTable");

  private final PageDriver page;

  /** The Schedule page the browser shows now. */
  public SchedulePage(PageDriver page) {
    this.page = page;
  }

  /** Opens the Schedule page. */
  public static SchedulePage open(PageDriver page) {
    page.open(PATH);
    return new SchedulePage(page);
  }

  /** Waits until the table of schedules is shown. */
  public SchedulePage awaitShown() {
    page.waitFor(TABLE);
    return this;
  }

  /** The table's whole text (titles and rows). */
  public String table() {
    return page.text(TABLE);
  }

  /** Presses Cancel on schedule {@code id}, once its button is shown, and waits for the answer. */
  public SchedulePage cancel(String id) {
    page.waitFor(cancelOf(id)).click();
    page.awaitAjax();
    return this;
  }

  /** Whether the table offers Cancel on schedule {@code id} now (no waiting). */
  public boolean offersCancel(String id) {
    return page.has(cancelOf(id));
  }

  private static By cancelOf(String id) {
    return By.xpath("//tr[td[1][normalize-space()='" + id + "']]//button[contains(@id,':cancel')]");
  }
}
