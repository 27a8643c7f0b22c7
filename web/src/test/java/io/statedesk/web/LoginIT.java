package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.LoginPage;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Signing in and out, as a supervisor and an admin would. */
class LoginIT extends BrowserTest {

  @Test
  void supervisorsLandOnTheirAgentsAndFindTheOverviewInTheMenu() {
    signIn("alice", "alice-demo");
    assertThat(text(By.cssSelector("h1.sd-title"))).isEqualTo("Agents");
    assertThat(text(By.id("currentUser"))).contains("alice");
    // the role is spelled out beside the name on wide screens, and is the name's tooltip always
    assertThat(browser.findElement(By.id("currentUser")).getDomAttribute("title"))
        .startsWith("alice (")
        .contains("SUPERVISOR");
    open("/index.xhtml");
    assertThat(text(By.cssSelector("h1.sd-title"))).isEqualTo("Overview");
    assertThat(text(By.id("welcome"))).isEqualTo("Welcome, alice.");
    assertThat(text(By.id("setup")))
        .containsPattern("Agent sessions at the CC-Gateway: [1-9]\\d* hosted")
        .contains("Your teams: Billing, Chinese Desk, Technical Support.");
  }

  @Test
  void adminsLandOnTheOverview() {
    signIn("admin", "admin-demo");
    assertThat(text(By.cssSelector("h1.sd-title"))).isEqualTo("Overview");
  }

  @Test
  void wrongPasswordSaysSoAndStaysOnTheLoginPage() {
    LoginPage login = openLogin().submit("alice", "not-her-password");
    assertThat(login.messages()).contains("Wrong user name or password.");
    assertOnLoginPage();
    assertThat(login.password()).isEmpty();
  }

  @Test
  void fiveWrongPasswordsInARowAreThrottledAndAudited() {
    String user = "eve" + System.nanoTime() % 1_000_000;
    for (int i = 1; i <= 5; i++) {
      assertThat(openLogin().submit(user, "guess-" + i).messages())
          .contains("Wrong user name or password.");
    }
    assertThat(openLogin().submit(user, "guess-6").messages())
        .contains("Too many failed sign-ins")
        .containsPattern("try again in \\d+ s");
    assertThat(ConsoleServer.get().log())
        .contains("audit login.throttled by system on user " + user)
        .doesNotContain("audit login.failed by " + user)
        .contains("Sign-in throttled for user '" + user + "'")
        .doesNotContain("guess-");
  }

  @Test
  void unknownUserGetsTheSameMessage() {
    assertThat(openLogin().submit("mallory", "alice-demo").messages())
        .contains("Wrong user name or password.");
  }

  @Test
  void emptyFieldsAreNamed() {
    assertThat(openLogin().submitEmpty().messages())
        .contains("Enter your user name.")
        .contains("Enter your password.");
  }

  @Test
  void aProtectedPageAsksForSignInThenContinuesThere() {
    open("/admin/system.xhtml");
    assertOnLoginPage();
    new LoginPage(page()).submit("admin", "admin-demo");
    assertThat(text(By.cssSelector("h1.sd-title"))).isEqualTo("System");
    assertThat(browser.getCurrentUrl()).contains("/admin/system.xhtml");
  }

  @Test
  void logoutEndsTheSession() {
    signIn("bob", "bob-demo");
    click(By.id("logoutForm:logout"));
    assertThat(text(By.id("loggedOut"))).contains("You have signed out.");
    open("/index.xhtml");
    assertOnLoginPage();
  }

  @Test
  void pagesSwitchToChinese() {
    signIn("alice", "alice-demo");
    click(By.id("languageForm:lang-zh"));
    assertThat(text(By.cssSelector("h1.sd-title"))).isEqualTo("座席");
    assertThat(text(By.id("logoutForm:logout"))).isEqualTo("退出登录");
    click(By.id("languageForm:lang-en"));
    assertThat(text(By.cssSelector("h1.sd-title"))).isEqualTo("Agents");
  }
}
