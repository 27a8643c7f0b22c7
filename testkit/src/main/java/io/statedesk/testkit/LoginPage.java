package io.statedesk.testkit;

import org.openqa.selenium.By;

/**
 * The sign-in page ({@code login.xhtml}): user name, password, Sign in, and the messages above
 * them. Every signed-in browser test starts here.
 *
 * <p>In the test kit, not among the web module's page objects, because the server matrix's smoke
 * test signs in too: one place knows the sign-in page's fields.
 */
public final class LoginPage {

  public static final String PATH = "/login.xhtml";

  private static final By USERNAME = By.id("login:username");
  private static final By PASSWORD = By.id("login:password");
  private static final By SUBMIT = By.id("login:submit");
  private static final By MESSAGES = By.id("login:messages");

  /** On every signed-in page: the header's user name. */
  private static final By CURRENT_USER = By.id("currentUser");

  private final BrowserSteps page;

  /** The login page the browser shows now (opened, or redirected to). */
  public LoginPage(BrowserSteps page) {
    this.page = page;
  }

  /** Opens the login page. */
  public static LoginPage open(BrowserSteps page) {
    page.open(PATH);
    return new LoginPage(page);
  }

  /** Signs in and waits for the signed-in page the console lands on. */
  public void signIn(String user, String password) {
    submit(user, password);
    page.waitFor(CURRENT_USER);
  }

  /**
   * Types a user name and password and presses Sign in, whatever the answer. Waits for the form
   * first: the page may still be arriving (a redirect to it, or the browser's previous page still
   * being left), and an AccessibilityIT run (2026-12-05) found no user-name field 1.4 s after
   * opening the page although the screenshot taken right after showed it.
   */
  public LoginPage submit(String user, String password) {
    page.waitFor(USERNAME);
    page.browser().findElement(USERNAME).sendKeys(user);
    page.browser().findElement(PASSWORD).sendKeys(password);
    page.browser().findElement(SUBMIT).click();
    return this;
  }

  /** Presses Sign in with nothing typed. */
  public LoginPage submitEmpty() {
    page.click(SUBMIT);
    return this;
  }

  /** The messages above the fields ("Wrong user name or password.", ...). */
  public String messages() {
    return page.text(MESSAGES);
  }

  /** Waits until the browser shows the login page (its Sign-in button). */
  public LoginPage awaitShown() {
    page.waitFor(SUBMIT);
    return this;
  }

  /** What the password field holds now. */
  public String password() {
    return page.browser().findElement(PASSWORD).getDomProperty("value");
  }
}
