package io.statedesk.web.pages;

import java.nio.file.Path;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The admins' catalog page ({@code admin/catalog.xhtml}): the table of state codes with its search,
 * New and per-row Edit and Deactivate, the {@link CodeDialog}, the CSV import with its preview, and
 * the reserved code ranges.
 */
public final class CatalogAdminPage {

  public static final String PATH = "/admin/catalog.xhtml";

  private static final By NEW = By.id("tableForm:new");
  private static final By SEARCH = By.id("tableForm:text");
  private static final By CODES = By.id("tableForm:codes_data");
  private static final By CODE_ROWS = By.cssSelector("[id='tableForm:codes_data'] > tr");
  private static final By MESSAGES = By.id("messages");
  private static final By IMPORT_FILE = By.id("importForm:file_input");
  private static final By IMPORT_PREVIEW = By.id("importForm:preview");
  private static final By IMPORT_COUNTS = By.id("previewCounts");
  private static final By IMPORT_ROWS = By.id("previewForm:previewRows");
  private static final By IMPORT_CONFIRM = By.id("previewForm:confirm");
  private static final By IMPORT_CANCEL = By.id("previewForm:cancelImport");
  private static final By RANGES_FORM = By.id("rangesForm");
  private static final By RANGES = By.id("rangesForm:ranges");
  private static final By HUAWEI_RANGES =
      By.cssSelector("#rangesForm\\:ranges_data tr.sd-row-huawei");
  private static final By HUAWEI_RELEASE =
      By.cssSelector("#rangesForm\\:ranges_data tr.sd-row-huawei [id$=':remove']");

  private final PageDriver page;

  /** The catalog page the browser shows now. */
  public CatalogAdminPage(PageDriver page) {
    this.page = page;
  }

  /** Opens the catalog page. */
  public static CatalogAdminPage open(PageDriver page) {
    page.open(PATH);
    return new CatalogAdminPage(page);
  }

  // ---- the codes

  /** Presses New and waits for the empty code dialog. */
  public CodeDialog newCode() {
    page.click(NEW);
    page.awaitAjax();
    page.waitFor(By.id(CodeDialog.Field.CODE.id));
    return new CodeDialog(page);
  }

  /**
   * Types in the search box and waits for the search's own answer: it fires 300 ms after the last
   * key, and the unfiltered table may already show the text (it is then replaced under our feet).
   */
  public CatalogAdminPage filter(String text) {
    page.awaitAjax(); // an answer to something before is not the search's
    page.script(
        "window.sdSearched = false;"
            + " jQuery(document).one('pfAjaxComplete', function () { window.sdSearched = true; });");
    page.type(SEARCH, text);
    page.waiting().until(d -> Boolean.TRUE.equals(page.script("return window.sdSearched;")));
    page.awaitAjax();
    return this;
  }

  /** {@link #filter} for {@code text}, then waits until the rows show it. */
  public CatalogAdminPage search(String text) {
    filter(text);
    awaitRowsContaining(text);
    return this;
  }

  /** Waits until the table's rows contain {@code text} ("No state codes match." included). */
  public CatalogAdminPage awaitRowsContaining(String text) {
    page.awaitTextIn(CODES, text);
    return this;
  }

  /** Waits until the table shows one row, the code's, and its AJAX has settled. */
  public CatalogAdminPage awaitOnlyRow(int code) {
    page.waiting()
        .until(
            d ->
                d.findElements(CODE_ROWS).size() == 1
                    && d.findElement(CODE_ROWS).getText().contains(Integer.toString(code)));
    page.awaitAjax();
    return this;
  }

  /** The table row of a code, once shown. */
  public WebElement row(int code) {
    return page.waitFor(
        By.xpath(
            "//tbody[@id='tableForm:codes_data']/tr[td[1][normalize-space()='" + code + "']]"));
  }

  /** The Edit button of a code's row. */
  public WebElement editButton(int code) {
    return row(code).findElement(By.cssSelector("button[id$=':edit']"));
  }

  /** Presses a code's Edit and waits for its dialog. */
  public CodeDialog edit(int code) {
    editButton(code).click();
    page.awaitAjax();
    page.waitFor(By.id(CodeDialog.Field.LABEL.id));
    return new CodeDialog(page);
  }

  /** Presses a code's Deactivate. */
  public CatalogAdminPage deactivate(int code) {
    row(code).findElement(By.cssSelector("[id$=':deactivate']")).click();
    return this;
  }

  /** The page's global messages. */
  public String messages() {
    return page.text(MESSAGES);
  }

  /** Waits until the page's global messages contain {@code text}. */
  public CatalogAdminPage awaitMessage(String text) {
    page.awaitTextIn(MESSAGES, text);
    return this;
  }

  // ---- the import

  /** Chooses a CSV file and presses Preview. */
  public CatalogAdminPage previewImport(Path csv) {
    page.browser().findElement(IMPORT_FILE).sendKeys(csv.toString());
    page.click(IMPORT_PREVIEW);
    return this;
  }

  /** The import preview's counts ("create 1, …, 1 row has errors"). */
  public String importCounts() {
    return page.text(IMPORT_COUNTS);
  }

  /** The import preview's rows, with their problems. */
  public String importRows() {
    return page.text(IMPORT_ROWS);
  }

  /** Whether the import preview lets the admin confirm. */
  public boolean importConfirmable() {
    return page.browser().findElement(IMPORT_CONFIRM).isEnabled();
  }

  /** Cancels the previewed import. */
  public CatalogAdminPage cancelImport() {
    page.click(IMPORT_CANCEL);
    return this;
  }

  // ---- the reserved ranges

  /** Reserves codes {@code first..last} with a note (what is typed, valid or not). */
  public CatalogAdminPage reserve(String first, String last, String note) {
    typeAfterAjax(By.id("rangesForm:first_input"), first);
    typeAfterAjax(By.id("rangesForm:last_input"), last);
    typeAfterAjax(By.id("rangesForm:note"), note);
    page.click(By.id("rangesForm:add"));
    page.awaitAjax();
    return this;
  }

  /** The ranges table (Huawei's documented ranges and the admins' own). */
  public String ranges() {
    return page.text(RANGES);
  }

  /** The ranges table's element, to look inside. */
  public WebElement rangesTable() {
    return page.browser().findElement(RANGES);
  }

  /** Waits until the ranges table shows {@code text}. */
  public CatalogAdminPage awaitRange(String text) {
    page.awaitTextIn(RANGES, text);
    return this;
  }

  /** Waits until the ranges table no longer shows {@code text}. */
  public CatalogAdminPage awaitNoRange(String text) {
    page.waiting()
        .until(
            ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(RANGES, text)));
    return this;
  }

  /** The ranges form's whole text (with its messages). */
  public String rangesForm() {
    return page.text(RANGES_FORM);
  }

  /** Waits until the ranges form shows {@code text}. */
  public CatalogAdminPage awaitRangesForm(String text) {
    page.awaitTextIn(RANGES_FORM, text);
    return this;
  }

  /** How many of Huawei's documented ranges the table lists. */
  public int huaweiRanges() {
    return page.count(HUAWEI_RANGES);
  }

  /** How many of Huawei's ranges offer to be released (none may). */
  public int releasableHuaweiRanges() {
    return page.count(HUAWEI_RELEASE);
  }

  /** Releases the admins' range whose row contains {@code text}. */
  public CatalogAdminPage release(String text) {
    page.waitFor(By.xpath("//tbody[@id='rangesForm:ranges_data']/tr[contains(., '" + text + "')]"))
        .findElement(By.cssSelector("[id$=':remove']"))
        .click();
    return this;
  }

  private void typeAfterAjax(By field, String text) {
    page.awaitAjax();
    page.type(field, text);
  }
}
