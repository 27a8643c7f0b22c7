package io.statedesk.web.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The catalog's code dialog (New and Edit on {@link CatalogAdminPage}): code, labels, a colour
 * picked (not typed), category; Save and Cancel, with each error beside its field.
 */
public final class CodeDialog {

  /** The dialog's fields, by their ids. */
  public enum Field {
    CODE("editForm:code_input"),
    LABEL("editForm:label"),
    LABEL_ZH("editForm:labelZh"),
    COLOUR("editForm:colour"),
    CATEGORY("editForm:category");

    final String id;

    Field(String id) {
      this.id = id;
    }
  }

  private static final By FORM = By.id("editForm");
  private static final By SAVE = By.id("editForm:save");
  private static final By CANCEL = By.id("editForm:cancel");

  private final PageDriver page;

  CodeDialog(PageDriver page) {
    this.page = page;
  }

  /** Types {@code text} in a field, in place of what it held, once the page's AJAX settled. */
  public CodeDialog type(Field field, String text) {
    page.awaitAjax();
    page.type(By.id(field.id), text);
    return this;
  }

  /** {@link #type} the code. */
  public CodeDialog code(String code) {
    return type(Field.CODE, code);
  }

  /** {@link #type} the English label. */
  public CodeDialog label(String label) {
    return type(Field.LABEL, label);
  }

  /** {@link #type} the Chinese label. */
  public CodeDialog labelZh(String label) {
    return type(Field.LABEL_ZH, label);
  }

  /** {@link #type} the category. */
  public CodeDialog category(String category) {
    return type(Field.CATEGORY, category);
  }

  /** Sets the native colour picker, as choosing in its panel does (input, then change). */
  public CodeDialog colour(String hex) {
    page.script(
        "arguments[0].value = arguments[1];"
            + " arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
            + " arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
        colourInput(),
        hex);
    return this;
  }

  /** The colour picker itself (an {@code <input type="color">}). */
  public WebElement colourInput() {
    return page.waitFor(By.id(Field.COLOUR.id));
  }

  /** The hex code shown beside the colour picker. */
  public String colourHex() {
    return page.text(By.id("editForm:colourHex"));
  }

  /** The rule shown under the code field before any input. */
  public String codeHelp() {
    return page.text(By.id("editForm:codeHelp"));
  }

  /** What a field holds now. */
  public String value(Field field) {
    return page.browser().findElement(By.id(field.id)).getDomProperty("value");
  }

  /** The text of the cell around a field: its label, the field, and its error. */
  public String cellOf(Field field) {
    return page.text(
        By.xpath("//*[@id='" + field.id + "']/ancestor::div[contains(@class,'sd-cell')][1]"));
  }

  /** The dialog's whole text. */
  public String text() {
    return page.text(FORM);
  }

  /** Waits until the dialog shows {@code text} (an error, say). */
  public CodeDialog awaitText(String text) {
    page.awaitTextIn(FORM, text);
    return this;
  }

  /** Presses Save. */
  public CodeDialog save() {
    page.click(SAVE);
    page.awaitAjax();
    return this;
  }

  /** Presses Cancel. */
  public void cancel() {
    page.click(CANCEL);
  }
}
