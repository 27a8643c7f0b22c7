package io.statedesk.web.api;

import io.statedesk.testkit.Browsers;
import io.statedesk.web.ConsoleServer;
import io.statedesk.web.pages.PageDriver;
import io.statedesk.web.pages.UserDialog;
import java.time.Duration;
import java.util.Locale;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Administration → Users, driven on a signed-in admin's browser (for the API tests). */
public final class AdminUsers {

  private AdminUsers() {}

  static WebDriverWait waiter(WebDriver browser) {
    return new WebDriverWait(browser, Duration.ofSeconds(30));
  }

  /** Creates a supervisor of {@code team}. */
  static void create(WebDriver admin, String user, String password, String team) {
    admin.get(ConsoleServer.consoleUrl() + "/admin/users.xhtml");
    waiter(admin).until(ExpectedConditions.elementToBeClickable(By.id("usersForm:new"))).click();
    waiter(admin)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id("userForm:username")))
        .sendKeys(user);
    admin.findElement(By.id("userForm:displayName")).sendKeys("Test " + user);
    admin.findElement(By.id("userForm:password")).sendKeys(password);
    admin.findElement(By.id("userForm:passwordAgain")).sendKeys(password);
    new UserDialog(new PageDriver(admin)).chooseTeam(team);
    admin.findElement(By.id("userForm:save")).click();
    waiter(admin).until(ExpectedConditions.invisibilityOfElementLocated(By.id("userDialog")));
    waiter(admin)
        .until(ExpectedConditions.textToBePresentInElementLocated(By.id("usersForm:users"), user));
  }

  /** Opens the user's edit dialog, clears "enabled" and saves. */
  static void disable(WebDriver admin, String user) {
    admin.get(ConsoleServer.consoleUrl() + "/admin/users.xhtml");
    By edit =
        By.xpath(
            "//*[@id='usersForm:users']//tr[.//*[text()='"
                + user
                + "']]//button[contains(@id,':edit')]");
    waiter(admin).until(ExpectedConditions.elementToBeClickable(edit));
    Browsers.clickWhenSteady(admin, edit);
    waiter(admin).until(ExpectedConditions.visibilityOfElementLocated(By.id("userForm:enabled")));
    Object checked =
        ((JavascriptExecutor) admin)
            .executeScript("return document.getElementById('userForm:enabled_input').checked;");
    if (Boolean.TRUE.equals(checked)) {
      admin.findElement(By.cssSelector("#userForm\\:enabled .ui-chkbox-box")).click();
    }
    admin.findElement(By.id("userForm:save")).click();
    waiter(admin).until(ExpectedConditions.invisibilityOfElementLocated(By.id("userDialog")));
    waiter(admin)
        .until(
            d ->
                d.findElement(
                        By.xpath("//*[@id='usersForm:users']//tr[.//*[text()='" + user + "']]"))
                    .getText()
                    .toLowerCase(Locale.ROOT)
                    .contains("disabled"));
  }
}
