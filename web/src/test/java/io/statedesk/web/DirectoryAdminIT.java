package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Browsers;
import io.statedesk.testkit.JsonFields;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Administration → Agent directory and teams, as an admin uses it: the sync's state and "sync now",
 * a CSV import previewed (refused with its problems, then accepted) and the teams with their agents
 * and supervisors; a supervisor cannot reach it.
 */
class DirectoryAdminIT extends BrowserTest {

  WebDriverWait waiter() {
    return Browsers.waitUpTo(browser, Duration.ofSeconds(30));
  }

  WebElement teamRow(String team) {
    return waitFor(
        By.xpath(
            "//tbody[@id='teamsForm:teams_data']/tr[td[1][normalize-space()='" + team + "']]"));
  }

  void upload(String csv) throws Exception {
    Path file = Files.createTempFile("agents", ".csv");
    Files.writeString(file, csv);
    browser.findElement(By.id("importForm:file_input")).sendKeys(file.toString());
    click(By.id("importForm:preview"));
  }

  /**
   * A hosted agent whose password the gateway refuses: admins see it and why, the console tries it
   * once per credentials change (never again on its own: each failure counts towards locking the
   * CTI account), and fixing the file brings the agent back without a restart.
   */
  @Test
  void anAdminSeesARefusedHostedSignInAndFixingTheFileBringsTheAgentBack() throws Exception {
    int agent = ConsoleServer.WRONG_PASSWORD;
    signIn("admin", "admin-demo");
    open("/admin/directory.xhtml");
    waiter()
        .until(
            d -> {
              open("/admin/directory.xhtml");
              String table = text(By.id("hostedProblems"));
              return table.contains(Integer.toString(agent))
                  && table.contains("sign-in refused: 100-004");
            });
    screenshot("DirectoryAdminIT-refused");
    assertThat(signIns(agent)).as("sign-in attempts with the wrong password").isEqualTo(1);

    ConsoleServer.credentials(true);
    waiter()
        .until(
            d -> {
              open("/admin/directory.xhtml");
              return !text(By.id("hostedProblems")).contains(Integer.toString(agent));
            });
    assertThat(ConsoleServer.simulator().agent(agent)).contains("\"signedIn\":true");
    assertThat(signIns(agent))
        .as("one attempt per credentials change: the wrong one and the fixed one")
        .isEqualTo(2);
  }

  /** The sign-in calls (of every kind, accepted or not) the simulator received for the agent. */
  static long signIns(int agent) throws Exception {
    String calls = ConsoleServer.simulator().requests("agent=" + agent + "&limit=10000");
    return JsonFields.objects(calls, "seq").stream()
        .filter(
            c ->
                Set.of("login", "forceLogin", "loginEx")
                    .contains(JsonFields.text(c, "operation", "")))
        .count();
  }

  /**
   * Why one method: it is one user's journey, each step on what the step before left; split, each
   * part would sign in and build the same state again.
   */
  @Test
  void anAdminSyncsImportsAfterAPreviewAndSeesTheTeams() throws Exception {
    signIn("admin", "admin-demo");
    open("/admin/directory.xhtml");
    assertThat(text(By.id("syncSetting")))
        .contains("Every 10 minutes")
        .contains("999001")
        .contains("skills");
    // the console synchronised at start; whatever the last attempt was, "sync now" makes one: the
    // page answers at once, shows it running, and its result when it ends
    String before = text(By.id("lastSync"));
    click(By.id("syncForm:syncNow"));
    waiter()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "Sync started: it runs in the background"));
    // the page polls while the sync and then its read-back run: read each value afresh
    waiter()
        .ignoring(StaleElementReferenceException.class)
        .until(
            d -> {
              String last = text(By.id("lastSync"));
              return !last.equals(before)
                  && last.contains("by admin")
                  && last.contains("removed")
                  && text(By.id("syncRunning")).contains("No sync is running");
            });
    Long agents =
        waiter()
            .ignoring(StaleElementReferenceException.class)
            .until(d -> Long.valueOf(text(By.id("agentCount"))));
    assertThat(agents).isGreaterThan(100);
    waiter()
        .ignoring(StaleElementReferenceException.class)
        .until(d -> teamRow("Billing").getText().contains("alice"));
    screenshot("DirectoryAdminIT-synced");

    // one bad row: every problem by line, nothing can be imported
    upload(
        "agent_id,name,team,skills,phone\n"
            + "710001,Night One,Night Desk,Chat,7101\n"
            + "5,Too Low,Night Desk,,\n");
    assertThat(text(By.id("previewSummary"))).contains("cannot be imported: 1 problem,");
    assertThat(text(By.id("previewForm:problems"))).contains("3").contains("101..999999");
    assertThat(browser.findElement(By.id("previewForm:confirm")).isEnabled()).isFalse();
    assertThat(
            browser.findElements(
                By.xpath(
                    "//tbody[@id='teamsForm:teams_data']/tr[td[1][normalize-space()='Night Desk']]")))
        .as("nothing was imported")
        .isEmpty();

    upload(
        "agent_id,name,team,skills,phone\n"
            + "710001,Night One,Night Desk,Chat,7101\n"
            + "710002,\"Night, Two <b>\",Night Desk,,\n");
    assertThat(text(By.id("previewSummary")))
        .contains("would add 2 agents and update none, in 1 team.");
    assertThat(text(By.id("previewTeams"))).contains("Night Desk");
    click(By.id("previewForm:confirm"));
    waiter()
        .until(
            ExpectedConditions.textToBePresentInElementLocated(
                By.id("messages"), "Imported: 2 agents added, 0 updated."));
    assertThat(browser.findElements(By.id("previewForm"))).isEmpty();
    assertThat(teamRow("Night Desk").getText()).contains("2").contains("No supervisor assigned");
    screenshot("DirectoryAdminIT-imported");

    // once synchronised, the demo's Back Office has agents and is not flagged (a team without
    // agents is: AgentDirectoryIT)
    assertThat(teamRow("Back Office").getText())
        .contains("bob")
        .doesNotContain("No agent of the directory is in this team");

    // the imported agents are in the directory, their text escaped
    openAgents().type("Night, Two").awaitRowsContaining("Night, Two <b>", Duration.ofSeconds(30));
  }

  @Test
  void supervisorsCannotReachIt() {
    signIn("alice", "alice-demo");
    open("/admin/directory.xhtml");
    assertThat(text(By.id("errorTitle"))).isEqualTo("Access denied");
  }
}
