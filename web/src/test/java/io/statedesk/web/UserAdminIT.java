package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Http;
import io.statedesk.web.api.ApiCalls;
import io.statedesk.web.pages.RelayClientsPage;
import io.statedesk.web.pages.UserDialog;
import io.statedesk.web.pages.UserDialog.Field;
import io.statedesk.web.pages.UsersAdminPage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An admin creates a supervisor with a team on Administration → Users, resets the password, and
 * creates and revokes a relay client whose token is shown once; supervisors cannot open either
 * page.
 */
class UserAdminIT extends BrowserTest {

  /**
   * Why one method: it is one user's journey, each step on what the step before left; split, each
   * part would sign in and build the same state again.
   */
  @Test
  void anAdminCreatesASupervisorWhoThenSignsInToTheirTeam() {
    String name = "carol" + System.nanoTime() % 10000;
    ApiCalls.syncDirectory(); // the teams to choose from
    signIn("admin", "admin-demo");
    UsersAdminPage users = openUsersAdmin();
    UserDialog dialog = users.newUser().fill(Field.USERNAME, name);
    // every field sits on its label's row (a wrapper that does not render shifts the grid)
    for (Field field :
        new Field[] {Field.USERNAME, Field.DISPLAY_NAME, Field.PASSWORD, Field.TEAMS}) {
      int labelY = dialog.label(field).getLocation().getY();
      int fieldY = dialog.field(field).getLocation().getY();
      assertThat(Math.abs(labelY - fieldY)).as(field + " beside its label").isLessThan(20);
    }
    dialog
        .fill(Field.DISPLAY_NAME, "Carol <i>Sales</i>")
        .fill(Field.PASSWORD, "carol-pass-1")
        .fill(Field.PASSWORD_AGAIN, "carol-pass-2");
    // teams are chosen from the directory's, never typed (a typo scoped a user to nobody)
    dialog.openTeams();
    assertThat(dialog.teamsOffered()).contains("Billing", "Sales", "Back Office");
    assertThat(dialog.teamCount())
        // the simulator's six groups, and any team other tests imported into the shared directory
        .as("the directory's teams")
        .isGreaterThanOrEqualTo(6);
    dialog.tickTeam("Sales").click(Field.DISPLAY_NAME).save();
    assertThat(dialog.text()).contains("The two passwords differ.");

    // the typed passwords were kept for the correction: fix the second one only
    assertThat(dialog.value(Field.PASSWORD)).isEqualTo("carol-pass-1");
    dialog.type(Field.PASSWORD_AGAIN, "carol-pass-1").save().awaitClosed();
    String table = users.users();
    assertThat(table).contains(name).contains("Carol <i>Sales</i>").contains("[Sales]");
    // and the API refuses a team the directory does not know, with the field
    HttpResponse<String> typo =
        ApiCalls.as(
            "admin", "admin-demo", "PUT", "/users/" + name + "/teams", "{\"teams\":[\"Salse\"]}");
    assertThat(typo.statusCode()).isEqualTo(400);
    assertThat(typo.body()).contains("not a team of the agent directory: Salse");
    screenshot("UserAdminIT-users");

    click(By.id("logoutForm:logout"));
    assertOnLoginPage();
    signIn(name, "carol-pass-1");
    assertThat(browser.getCurrentUrl()).contains("/agents.xhtml");
    openUsersAdmin();
    assertThat(text(By.tagName("h1"))).containsIgnoringCase("denied");
  }

  @Test
  void aRelayTokenIsShownOnceWorksAndStopsWorkingWhenRevoked() throws Exception {
    String name = "desk-" + System.nanoTime() % 100000;
    signIn("admin", "admin-demo");
    RelayClientsPage relay = openRelayClients().create(name);
    String token = relay.newToken();
    assertThat(token).startsWith("sdr_");
    screenshot("UserAdminIT-token");
    relay.tokenDone();
    assertThat(browser.getPageSource()).doesNotContain(token);

    HttpClient http = Http.client();
    HttpRequest list =
        HttpRequest.newBuilder(URI.create(ConsoleServer.consoleUrl() + "/api/sessions/10001"))
            .header("Authorization", "Bearer " + token)
            .DELETE()
            .build();
    // the token authenticates (404: nothing was relayed for that agent), then is revoked
    assertThat(http.send(list, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(404);

    relay = openRelayClients();
    assertThat(relay.clients()).contains(name);
    relay.revoke(name);
    assertThat(relay.clients()).contains("revoked");
    assertThat(http.send(list, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(401);
  }
}
