package io.statedesk.web.pages;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

/**
 * The Set-state dialog ({@code WEB-INF/templates/set-state-dialog.xhtml}) on the agents and
 * Schedule pages: which agents, the state, a note, now or later; Preview with its totals and rows;
 * for a large change the number to type beside Apply; Apply, which opens the {@link ChangePage}.
 */
public final class SetStateDialog {

  private static final By DIALOG = By.id("setStateForm:setStateDialog");
  private static final By FORM = By.id("setStateForm");
  private static final String SOURCE = "setStateForm:source";
  private static final String CODE = "setStateForm:code";
  private static final By CODE_LABEL = By.id(CODE + "_label");
  private static final By CODE_ITEMS = By.cssSelector("li[id^='setStateForm:code_']");
  private static final By INTRO = By.id("setStateForm:intro");
  private static final By NOTE = By.id("setStateForm:note");
  private static final By LATER = By.cssSelector("#setStateForm\\:later .ui-chkbox-box");
  private static final By WHEN = By.id("setStateForm:whenPanel");
  private static final By START_AT = By.id("setStateForm:startAt_input");
  private static final By PREVIEW = By.id("setStateForm:preview");
  private static final By SUMMARY = By.id("setStateForm:summary");
  private static final By TOTALS = By.id("previewTotals");
  private static final By PREVIEW_ROWS = By.cssSelector("#setStateForm\\:previewTable_data tr");
  private static final By PREVIEW_IDS =
      By.cssSelector("#setStateForm\\:previewTable_data tr td:first-child");
  private static final By PREVIEW_NEXT =
      By.cssSelector("#setStateForm\\:previewTable .ui-paginator-next");
  private static final By CONFIRMATION = By.id("setStateForm:confirmation");
  private static final By CONFIRMATION_LABEL =
      By.cssSelector("label[for='setStateForm:confirmation']");
  private static final By CONFIRMATION_ERROR =
      By.cssSelector(
          "[id='setStateForm:confirmMessage'] .ui-message-error-detail, "
              + "[id='setStateForm:confirmMessage'].ui-message-error");
  private static final By APPLY = By.id("setStateForm:apply");

  private final PageDriver page;

  /** The dialog as the page shows it now (opened by mouse or keyboard). */
  public SetStateDialog(PageDriver page) {
    this.page = page;
  }

  /** Waits until the dialog is shown and its AJAX has settled. */
  public SetStateDialog awaitShown() {
    page.waitFor(DIALOG);
    page.awaitAjax();
    return this;
  }

  /** The dialog's whole text. */
  public String text() {
    return page.text(DIALOG);
  }

  /** The form's whole text (the dialog and its preview). */
  public String formText() {
    return page.text(FORM);
  }

  /** Sets the state on a saved selection instead of the picked agents. */
  public SetStateDialog source(String savedSelection) {
    page.choose(SOURCE, PageDriver.itemContaining(SOURCE, savedSelection));
    return this;
  }

  /** What the dialog says it will set the state on. */
  public String intro() {
    return page.text(INTRO);
  }

  /** Chooses the state whose label starts with {@code label}, e.g. {@code "100 ·"}. */
  public SetStateDialog chooseCode(String label) {
    page.choose(
        CODE,
        By.xpath(
            "//li[starts-with(@id,'" + CODE + "_')][starts-with(@data-label,'" + label + "')]"));
    return this;
  }

  /** Chooses the state menu's item number {@code index} (0 is "Choose…"). */
  public SetStateDialog chooseCodeAt(int index) {
    page.choose(CODE, By.id(CODE + "_" + index));
    return this;
  }

  /**
   * Opens the state menu and returns its items' texts as the page holds them (the whole list, not
   * only the part scrolled into view); the menu stays open.
   */
  public List<String> openCodeMenu() {
    page.click(By.id(CODE));
    page.waitFor(By.id(CODE + "_1"));
    return page.browser().findElements(CODE_ITEMS).stream()
        .map(li -> li.getDomProperty("textContent"))
        .toList();
  }

  /** What the state menu shows as chosen ("Choose…" until one is). */
  public String codeLabel() {
    return page.text(CODE_LABEL);
  }

  /** Types a note. */
  public SetStateDialog note(String note) {
    page.browser().findElement(NOTE).sendKeys(note);
    return this;
  }

  /** Ticks "Later" and waits for the fields of when. */
  public SetStateDialog later() {
    page.click(LATER);
    page.awaitAjax();
    page.waitFor(START_AT);
    return this;
  }

  /** The fields of when, with the time-zone hint. */
  public String when() {
    return page.text(WHEN);
  }

  /** Presses Preview and waits for its answer. */
  public SetStateDialog preview() {
    page.clickWhenSteady(PREVIEW);
    page.awaitAjax();
    return this;
  }

  /** Waits until the preview's totals are shown. */
  public SetStateDialog awaitPreview() {
    page.waitFor(TOTALS);
    return this;
  }

  /** "2 will change · 1 no session now …": the preview's totals. */
  public String totals() {
    return page.text(TOTALS);
  }

  /** The preview's one-line summary. */
  public String summary() {
    return page.text(SUMMARY);
  }

  /** How many rows the preview's table shows now. */
  public int previewRows() {
    return page.count(PREVIEW_ROWS);
  }

  /** The agent ids in the preview table's page, in row order. */
  public List<Integer> previewIds() {
    return page.waiting()
        .until(
            d ->
                d.findElements(PREVIEW_IDS).stream()
                    .map(td -> Integer.valueOf(td.getText().strip()))
                    .toList());
  }

  /** The preview table's next page, once its rows are replaced. */
  public SetStateDialog nextPreviewPage() {
    List<Integer> before = previewIds();
    page.click(PREVIEW_NEXT);
    page.awaitAjax();
    page.waiting(Duration.ofSeconds(60)).until(d -> !previewIds().equals(before));
    return this;
  }

  /** The field a large change's number is typed in, once shown. */
  public WebElement confirmation() {
    return page.waitFor(CONFIRMATION);
  }

  /** The text beside the confirmation field ("This change touches 150 agents: …"). */
  public String confirmationLabel() {
    return page.text(CONFIRMATION_LABEL);
  }

  /** Types a number in the confirmation field and presses Enter. */
  public SetStateDialog confirmWithEnter(String number) {
    confirmation().sendKeys(number, Keys.ENTER);
    page.awaitAjax();
    return this;
  }

  /**
   * Types the number over what the confirmation field holds, as a user selects and retypes, and
   * waits until Apply takes it. (Selenium's clear() would fire the field's change, whose answer
   * replaces the field while the number is being typed.)
   */
  public SetStateDialog confirm(String number) {
    WebElement field = confirmation();
    field.sendKeys(Keys.chord(Keys.CONTROL, "a"), number);
    page.waiting(Duration.ofSeconds(60)).until(d -> d.findElement(APPLY).isEnabled());
    return this;
  }

  /** The error said beside the confirmation field, once shown. */
  public WebElement confirmationError() {
    return page.waitFor(CONFIRMATION_ERROR);
  }

  /** The Apply button (to read, not to press: see {@link #apply()}). */
  public WebElement applyButton() {
    return page.browser().findElement(APPLY);
  }

  /** Presses Apply and waits for the change page it opens. */
  public ChangePage apply() {
    page.clickWhenSteady(APPLY);
    return ChangePage.awaitOpened(page);
  }
}
