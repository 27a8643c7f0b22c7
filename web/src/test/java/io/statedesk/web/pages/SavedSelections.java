package io.statedesk.web.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The saved-selection bar of the {@link AgentsPage} (choose, Use, Delete, Save…) and its Save
 * dialog ({@code WEB-INF/templates/save-selection-dialog.xhtml}).
 */
public final class SavedSelections {

  /** What a saved selection keeps. */
  public enum Kind {
    /** The filters as they are: the agents they give when used. */
    FILTER("saveSelectionForm:kind:0"),
    /** The agents picked now. */
    FIXED("saveSelectionForm:kind:1");

    final String radioId;

    Kind(String radioId) {
      this.radioId = radioId;
    }
  }

  private static final String MENU = "agentsForm:savedSelection";
  private static final By USE = By.id("agentsForm:useSelection");
  private static final By DELETE = By.id("agentsForm:deleteSelection");
  private static final By SAVE = By.id("agentsForm:saveSelection");
  private static final By CONFIRM_YES = By.cssSelector(".ui-confirmdialog-yes");
  private static final String TEAM = "saveSelectionForm:team";

  private final PageDriver page;

  SavedSelections(PageDriver page) {
    this.page = page;
  }

  /**
   * Saves the picked agents ({@link Kind#FIXED}) or the filters ({@link Kind#FILTER}) as {@code
   * name}, shared with {@code team} when not null, and waits for the dialog to close.
   */
  public SavedSelections save(String name, Kind kind, String team) {
    page.clickWhenSteady(SAVE);
    page.awaitAjax();
    page.waitFor(By.id("saveSelectionForm:name")).sendKeys(name);
    page.click(By.cssSelector("label[for='" + kind.radioId + "']"));
    if (team != null) {
      page.choose(TEAM, PageDriver.itemContaining(TEAM, team));
    }
    page.click(By.id("saveSelectionForm:saveIt"));
    page.awaitAjax();
    page.waiting()
        .until(
            ExpectedConditions.invisibilityOfElementLocated(
                By.id("saveSelectionForm:saveSelectionDialog")));
    return this;
  }

  /** Chooses a saved selection in the menu (not yet used). */
  public SavedSelections choose(String name) {
    page.choose(MENU, PageDriver.itemContaining(MENU, name));
    return this;
  }

  /** What the menu shows as chosen. */
  public String chosen() {
    return page.text(By.id(MENU + "_label"));
  }

  /** The saved selections the menu offers, read with the menu open; Escape closes it again. */
  public String offered() {
    page.click(By.id(MENU));
    String offered = page.text(By.id(MENU + "_items"));
    page.browser().findElement(By.tagName("body")).sendKeys(Keys.ESCAPE);
    return offered;
  }

  /** Presses Use on the chosen selection: it picks its agents (and fills the filters of one). */
  public SavedSelections use() {
    page.clickWhenSteady(USE);
    page.awaitAjax();
    return this;
  }

  /** Deletes the chosen selection, saying yes when asked. */
  public SavedSelections delete() {
    page.clickWhenSteady(DELETE);
    page.clickWhenSteady(CONFIRM_YES);
    page.awaitAjax();
    return this;
  }
}
