package io.statedesk.web.pages;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Administration → Users ({@code admin/users.xhtml}): the table of console users (database and
 * LDAP) with New and, per row, Edit and Reset password; New and Edit open the {@link UserDialog}.
 *
 * <p>Exists so that the tests which create, edit and look for users (and the forged posts of the
 * CSRF tests) find the page's table, rows and buttons in one place instead of spelling its ids in
 * each test.
 */
public final class UsersAdminPage {

  public static final String PATH = "/admin/users.xhtml";

  private static final By NEW = By.id("usersForm:new");
  private static final By USERS = By.id("usersForm:users");

  private final PageDriver page;

  /** The users page the browser shows now. */
  public UsersAdminPage(PageDriver page) {
    this.page = page;
  }

  /** Opens the users page. */
  public static UsersAdminPage open(PageDriver page) {
    page.open(PATH);
    return new UsersAdminPage(page);
  }

  /** Presses New and waits for the empty user dialog. */
  public UserDialog newUser() {
    page.click(NEW);
    page.awaitAjax();
    page.waitFor(UserDialog.Field.USERNAME.by());
    return new UserDialog(page);
  }

  /** The table of users' whole text. */
  public String users() {
    return page.text(USERS);
  }

  /** The table row of user {@code username} (by the user name cell), once shown. */
  public WebElement row(String username) {
    return page.waitFor(
        By.xpath(
            "//tbody[contains(@id,'usersForm:users')]/tr[.//span[contains(@id,':username') and"
                + " normalize-space()='"
                + username
                + "']]"));
  }

  /** The Reset password button of a user's row (disabled for LDAP users). */
  public WebElement resetButton(String username) {
    return row(username).findElement(By.xpath(".//button[contains(@id,':reset')]"));
  }

  /** Presses a user's Edit and waits for the dialog's teams menu. */
  public UserDialog edit(String username) {
    row(username).findElement(By.xpath(".//button[contains(@id,':edit')]")).click();
    page.waitFor(UserDialog.Field.TEAMS.by());
    return new UserDialog(page);
  }
}
