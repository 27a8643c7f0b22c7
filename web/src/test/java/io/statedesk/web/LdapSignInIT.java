package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Http;
import io.statedesk.web.api.AdminUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Console users from LDAP (the test server's in-memory directory, {@code
 * io.statedesk.testkit.Ldap}), next to the database's demo users: the directory checks the
 * password, its groups give the roles, and admins give LDAP supervisors their teams on the users
 * page like anyone else's.
 */
class LdapSignInIT extends BrowserTest {

  static final HttpClient HTTP = Http.client();

  static HttpResponse<String> agentsAs(String user, String password) throws Exception {
    String basic =
        Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(ConsoleServer.consoleUrl() + "/api/agents?max=1000"))
            .header("Authorization", "Basic " + basic)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  WebElement userRow(String username) {
    return waitFor(
        By.xpath(
            "//tbody[contains(@id,'usersForm:users')]/tr[.//span[contains(@id,':username') and"
                + " normalize-space()='"
                + username
                + "']]"));
  }

  @Test
  void anLdapAdminSignsInWithTheDirectoryPasswordAndIsListedAsAnLdapUser() {
    signIn("carol", "carol-ldap");
    assertThat(text(By.id("currentUser"))).contains("carol");
    // the role is spelled out beside the name on wide screens, and is the name's tooltip always
    assertThat(browser.findElement(By.id("currentUser")).getDomAttribute("title"))
        .startsWith("carol (")
        .contains("ADMIN");
    open("/admin/users.xhtml");
    WebElement carol = userRow("carol");
    assertThat(carol.getText()).contains("Carol Admin").contains("[ADMIN]").contains("LDAP");
    assertThat(carol.findElement(By.xpath(".//button[contains(@id,':reset')]")).isEnabled())
        .isFalse();
    screenshot("LdapSignInIT-users");
  }

  @Test
  void anLdapSupervisorSeesNothingUntilAnAdminGivesATeamThenOnlyThatTeam() throws Exception {
    HttpResponse<String> before = agentsAs("dave", "dave-ldap");
    assertThat(before.statusCode()).isEqualTo(200);
    assertThat(before.body()).contains("\"total\":0");

    signIn("admin", "admin-demo");
    open("/admin/users.xhtml");
    userRow("dave").findElement(By.xpath(".//button[contains(@id,':edit')]")).click();
    WebElement teams = waitFor(By.id("userForm:teams"));
    new WebDriverWait(browser, Duration.ofSeconds(10))
        .until(ExpectedConditions.visibilityOf(teams));
    assertThat(text(By.id("userForm:ldapHint"))).contains("Signs in with LDAP");
    assertThat(browser.findElement(By.id("userForm:displayName")).isEnabled()).isFalse();
    assertThat(browser.findElements(By.cssSelector("#userForm\\:roles input")))
        .allSatisfy(box -> assertThat(box.isEnabled()).isFalse());
    AdminUsers.chooseTeam(browser, "Sales");
    click(By.id("userForm:save"));
    awaitAjax();
    new WebDriverWait(browser, Duration.ofSeconds(20))
        .until(ExpectedConditions.invisibilityOfElementLocated(By.id("userDialog")));
    assertThat(userRow("dave").getText()).contains("[SUPERVISOR]").contains("[Sales]");

    String after = agentsAs("dave", "dave-ldap").body();
    assertThat(after).contains("\"team\":\"Sales\"").doesNotContain("\"team\":\"Billing\"");
  }

  @Test
  void ldapNeverSignsInALocalNameSomeoneOutsideTheGroupsOrAWrongPassword() throws Exception {
    // the directory's "admin" is in statedesk-admins with password admin-ldap: not the local admin
    assertThat(agentsAs("admin", "admin-ldap").statusCode()).isEqualTo(401);
    assertThat(agentsAs("admin", "admin-demo").statusCode()).isEqualTo(200);
    // erin's password is right, but she is in no StateDesk group
    assertThat(agentsAs("erin", "erin-ldap").statusCode()).isEqualTo(401);
    assertThat(agentsAs("carol", "not-carols").statusCode()).isEqualTo(401);
    // filter injection: "*" would match every entry if the name were not escaped
    assertThat(agentsAs("*", "carol-ldap").statusCode()).isEqualTo(401);
  }
}
