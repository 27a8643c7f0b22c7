package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Http;
import io.statedesk.web.pages.UserDialog;
import io.statedesk.web.pages.UserDialog.Field;
import io.statedesk.web.pages.UsersAdminPage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

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

  @Test
  void anLdapAdminSignsInWithTheDirectoryPasswordAndIsListedAsAnLdapUser() {
    signIn("carol", "carol-ldap");
    assertThat(text(By.id("currentUser"))).contains("carol");
    // the role is spelled out beside the name on wide screens, and is the name's tooltip always
    assertThat(browser.findElement(By.id("currentUser")).getDomAttribute("title"))
        .startsWith("carol (")
        .contains("ADMIN");
    UsersAdminPage users = openUsersAdmin();
    WebElement carol = users.row("carol");
    assertThat(carol.getText()).contains("Carol Admin").contains("[ADMIN]").contains("LDAP");
    assertThat(users.resetButton("carol").isEnabled()).isFalse();
    screenshot("LdapSignInIT-users");
  }

  @Test
  void anLdapSupervisorSeesNothingUntilAnAdminGivesATeamThenOnlyThatTeam() throws Exception {
    HttpResponse<String> before = agentsAs("dave", "dave-ldap");
    assertThat(before.statusCode()).isEqualTo(200);
    assertThat(before.body()).contains("\"total\":0");

    signIn("admin", "admin-demo");
    UsersAdminPage users = openUsersAdmin();
    UserDialog dialog = users.edit("dave");
    assertThat(dialog.ldapHint()).contains("Signs in with LDAP");
    assertThat(dialog.field(Field.DISPLAY_NAME).isEnabled()).isFalse();
    assertThat(dialog.roleBoxes()).allSatisfy(box -> assertThat(box.isEnabled()).isFalse());
    dialog.chooseTeam("Sales").save().awaitClosed();
    assertThat(users.row("dave").getText()).contains("[SUPERVISOR]").contains("[Sales]");

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
