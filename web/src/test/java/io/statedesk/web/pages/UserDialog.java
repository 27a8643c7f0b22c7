package io.statedesk.web.pages;

import io.statedesk.testkit.Browsers;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The user dialog of {@link UsersAdminPage} (New and Edit, form {@code userForm}): user name,
 * display name, the password twice, roles, teams chosen from the directory's (never typed),
 * enabled; Save, with each error beside its field.
 *
 * <p>Exists so that the tests which fill it in (creating users, failing on purpose, forging its
 * post, giving an LDAP user a team) find its fields in one place instead of spelling their ids.
 */
public final class UserDialog {

  /** The dialog's fields, by their ids. */
  public enum Field {
    USERNAME("username"),
    DISPLAY_NAME("displayName"),
    PASSWORD("password"),
    PASSWORD_AGAIN("passwordAgain"),
    ROLES("roles"),
    TEAMS("teams"),
    ENABLED("enabled");

    private final String name;

    Field(String name) {
      this.name = name;
    }

    /** The field's element ({@code userForm:NAME}). */
    By by() {
      return By.id("userForm:" + name);
    }

    /** The field's name on the page ({@code displayName}, ...). */
    @Override
    public String toString() {
      return name;
    }
  }

  /** How long the teams menu gets to open and close (the API tests' admin browser is busy). */
  private static final Duration MENU = Duration.ofSeconds(30);

  private static final By DIALOG = By.id("userDialog");
  private static final By DIALOG_TITLE = By.cssSelector("#userDialog .ui-dialog-title");
  private static final By FORM = By.id("userForm");
  private static final By SAVE = By.id("userForm:save");
  private static final By LDAP_HINT = By.id("userForm:ldapHint");
  private static final By ROLE_BOXES = By.cssSelector("#userForm\\:roles input");
  private static final By TEAMS_PANEL = By.id("userForm:teams_panel");
  private static final By ENABLED_BOX = By.cssSelector("#userForm\\:enabled .ui-chkbox-box");
  private static final By TEAM_ITEMS =
      By.cssSelector("[id='userForm:teams_panel'] li.ui-selectcheckboxmenu-item");

  private final PageDriver page;

  /** The user dialog as the page shows it now (opened by New or Edit). */
  public UserDialog(PageDriver page) {
    this.page = page;
  }

  /** Types {@code text} after what a field holds, once it is shown. */
  public UserDialog fill(Field field, String text) {
    page.waitFor(field.by()).sendKeys(text);
    return this;
  }

  /** Types {@code text} in a field in place of what it held, once it is shown. */
  public UserDialog type(Field field, String text) {
    page.type(field.by(), text);
    return this;
  }

  /** Clicks a field (to leave another one, or close the teams menu). */
  public UserDialog click(Field field) {
    page.click(field.by());
    return this;
  }

  /** A field's element. */
  public WebElement field(Field field) {
    return page.browser().findElement(field.by());
  }

  /** A field's label. */
  public WebElement label(Field field) {
    return page.browser().findElement(By.cssSelector("label[for^='userForm:" + field + "']"));
  }

  /** What a field holds now. */
  public String value(Field field) {
    return field(field).getDomProperty("value");
  }

  /** The dialog's whole text (with its errors). */
  public String text() {
    return page.text(FORM);
  }

  /** The hint shown when the user signs in with LDAP. */
  public String ldapHint() {
    return page.text(LDAP_HINT);
  }

  /** The role check boxes' inputs. */
  public List<WebElement> roleBoxes() {
    return page.browser().findElements(ROLE_BOXES);
  }

  /** Clicks a role's label: ticks it, or unticks it when ticked. */
  public UserDialog toggleRole(String role) {
    page.browser()
        .findElement(By.xpath("//*[@id='userForm:roles']//label[normalize-space()='" + role + "']"))
        .click();
    return this;
  }

  /** Ticks or clears "enabled" so that it reads {@code enabled}. */
  public UserDialog enabled(boolean enabled) {
    Object ticked =
        page.script("return document.getElementById('userForm:enabled_input').checked;");
    if (!Boolean.valueOf(enabled).equals(ticked)) {
      page.browser().findElement(ENABLED_BOX).click();
    }
    return this;
  }

  /** Opens the teams menu and waits for its panel. */
  public UserDialog openTeams() {
    page.click(Field.TEAMS.by());
    page.waitFor(TEAMS_PANEL);
    return this;
  }

  /** The open teams menu's whole text. */
  public String teamsOffered() {
    return page.browser().findElement(TEAMS_PANEL).getText();
  }

  /** How many teams the open teams menu lists. */
  public int teamCount() {
    return page.browser().findElements(TEAM_ITEMS).size();
  }

  /** Ticks {@code team} in the open teams menu (the menu stays open). */
  public UserDialog tickTeam(String team) {
    page.browser().findElement(teamBox(team)).click();
    return this;
  }

  /**
   * Opens the teams menu, ticks {@code team} once it can be clicked, and closes the menu again by a
   * click outside it (on the dialog's title: always there, never disabled).
   */
  public UserDialog chooseTeam(String team) {
    page.browser().findElement(Field.TEAMS.by()).click();
    Browsers.waitUpTo(page.browser(), MENU)
        .until(ExpectedConditions.elementToBeClickable(teamBox(team)))
        .click();
    page.browser().findElement(DIALOG_TITLE).click();
    Browsers.waitUpTo(page.browser(), MENU)
        .until(ExpectedConditions.invisibilityOfElementLocated(TEAMS_PANEL));
    return this;
  }

  /** Presses Save and waits for the answer. */
  public UserDialog save() {
    page.click(SAVE);
    page.awaitAjax();
    return this;
  }

  /** Presses Save, whatever the answer (a forged post ends on another page). */
  public void submit() {
    page.click(SAVE);
  }

  /** Waits until the dialog has closed (after a save that succeeded). */
  public void awaitClosed() {
    page.waiting().until(ExpectedConditions.invisibilityOfElementLocated(DIALOG));
  }

  private static By teamBox(String team) {
    return By.xpath(
        "//div[@id='userForm:teams_panel']//li[.//label[normalize-space()='"
            + team
            + "']]//div[contains(@class,'ui-chkbox-box')]");
  }
}
