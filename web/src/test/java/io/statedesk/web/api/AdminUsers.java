package io.statedesk.web.api;

import io.statedesk.web.pages.PageDriver;
import io.statedesk.web.pages.UserDialog;
import io.statedesk.web.pages.UserDialog.Field;
import io.statedesk.web.pages.UsersAdminPage;
import java.util.Locale;
import org.openqa.selenium.WebDriver;

/**
 * Administration → Users on a signed-in admin's second browser (the API tests' supervisor uses the
 * first), through the same page objects as the users page's own tests.
 */
public final class AdminUsers {

  private AdminUsers() {}

  /** Creates a supervisor of {@code team} and waits for the user's row. */
  static void create(WebDriver admin, String user, String password, String team) {
    UsersAdminPage users = UsersAdminPage.open(new PageDriver(admin));
    UserDialog dialog =
        users
            .newUser()
            .fill(Field.USERNAME, user)
            .fill(Field.DISPLAY_NAME, "Test " + user)
            .fill(Field.PASSWORD, password)
            .fill(Field.PASSWORD_AGAIN, password)
            .chooseTeam(team);
    dialog.save().awaitClosed();
    users.row(user);
  }

  /** Opens the user's edit dialog, clears "enabled", saves, and waits for the row to say so. */
  static void disable(WebDriver admin, String user) {
    PageDriver page = new PageDriver(admin);
    UsersAdminPage users = UsersAdminPage.open(page);
    users.edit(user).enabled(false).save().awaitClosed();
    page.waiting()
        .until(d -> users.row(user).getText().toLowerCase(Locale.ROOT).contains("disabled"));
  }
}
