package io.statedesk.web.a11y;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Browsers;
import io.statedesk.web.BrowserTest;
import io.statedesk.web.api.ApiCalls;
import io.statedesk.web.pages.SetStateDialog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Every page, as an admin, the team-scoped ones as a supervisor too, and those before sign-in, has
 * no serious or critical WCAG 2.2 AA finding from axe-core; so do the dialogs a user fills in (Set
 * state with its preview, a new catalog code, a new user). Each test walks all its pages before
 * failing, so one run lists every finding.
 */
class AccessibilityIT extends BrowserTest {

  /**
   * Pages that every signed-in user has, checked as an admin, who sees each with the most on it
   * (every team's rows, the admin menu).
   */
  private static final List<String> SHARED_PAGES =
      List.of(
          "/index.xhtml",
          "/agents.xhtml",
          "/history.xhtml",
          "/schedule.xhtml",
          "/audit.xhtml",
          "/catalog.xhtml",
          "/api-docs.xhtml",
          "/tokens.xhtml",
          "/agent-history.xhtml?id=10001");

  /**
   * The shared pages whose content a supervisor's team scope shapes (her teams' totals, agents and
   * changes), checked as her too. Why not all of them again: the others render the same components
   * for both roles, and each page checked costs the run about ten seconds of a busy browser.
   */
  private static final List<String> SCOPED_PAGES =
      List.of("/index.xhtml", "/agents.xhtml", "/history.xhtml", "/agent-history.xhtml?id=10001");

  private static final List<String> ADMIN_PAGES =
      List.of(
          "/admin/catalog.xhtml",
          "/admin/users.xhtml",
          "/admin/directory.xhtml",
          "/admin/relay-clients.xhtml",
          "/admin/system.xhtml");

  private final List<String> findings = new ArrayList<>();
  private String change;

  @BeforeEach
  void aChangeToShow() {
    ApiCalls.syncDirectory();
    change = ApiCalls.aliceChanges("10001,10002", 101, "accessibility");
    ApiCalls.aliceAwaits(change);
  }

  @Test
  void supervisorPagesAndTheSetStateDialog() {
    signIn("alice", "alice-demo");
    check(SCOPED_PAGES);
    check(List.of("/change.xhtml?id=" + change));
    setStateDialogWithPreview();
    assertThat(findings).as("serious or critical axe-core findings").isEmpty();
  }

  @Test
  void adminPages() {
    signIn("admin", "admin-demo");
    check(SHARED_PAGES);
    check(ADMIN_PAGES);
    check(List.of("/change.xhtml?id=" + change));
    assertThat(findings).as("serious or critical axe-core findings").isEmpty();
  }

  @Test
  void adminDialogs() {
    signIn("admin", "admin-demo");
    dialog("/admin/catalog.xhtml", "tableForm:new", "editDialog");
    dialog("/admin/users.xhtml", "usersForm:new", "userDialog");
    assertThat(findings).as("serious or critical axe-core findings").isEmpty();
  }

  @Test
  void signInAndErrorPages() {
    openLogin().awaitShown();
    findings.addAll(Axe.blockingFindings(browser, "/login.xhtml"));
    signIn("alice", "alice-demo");
    open("/no-such-page.xhtml");
    waitFor(By.id("errorTitle"));
    findings.addAll(Axe.blockingFindings(browser, "404"));
    open("/admin/system.xhtml");
    waitFor(By.id("errorTitle"));
    findings.addAll(Axe.blockingFindings(browser, "403"));
    assertThat(findings).as("serious or critical axe-core findings").isEmpty();
  }

  private void check(List<String> pages) {
    for (String page : pages) {
      open(page);
      waitFor(By.cssSelector("h1.sd-title"));
      awaitAjax();
      if (page.startsWith("/api-docs")) {
        Browsers.waitUpTo(browser, Duration.ofSeconds(30))
            .until(
                d ->
                    "true"
                        .equals(d.findElement(By.id("swagger-ui")).getDomAttribute("data-loaded")));
      }
      findings.addAll(Axe.blockingFindings(browser, page));
    }
  }

  private void setStateDialogWithPreview() {
    SetStateDialog dialog = openAgents().pick(0).setState();
    findings.addAll(Axe.blockingFindings(browser, "Set state dialog"));
    dialog.chooseCodeAt(1).preview().awaitPreview();
    findings.addAll(Axe.blockingFindings(browser, "Set state dialog, preview"));
  }

  private void dialog(String page, String opener, String dialog) {
    open(page);
    clickWhenSteady(By.id(opener));
    awaitAjax();
    waitFor(By.id(dialog));
    // PrimeFaces disables the opener while its request runs and fades it back in after the
    // dialog shows: the fade could start after Axe had found no animation running, and axe then
    // measured the "New" button mid-fade (3.63:1, 2026-12-05). Enabled first, then the fade ends.
    Browsers.waitUpTo(browser, Duration.ofSeconds(10))
        .withMessage(opener + " enabled again")
        .until(
            d ->
                Boolean.TRUE.equals(
                    ((JavascriptExecutor) d)
                        .executeScript(
                            "var b = document.getElementById(arguments[0]);"
                                + " return !!b && !b.disabled"
                                + " && !b.classList.contains('ui-state-disabled');",
                            opener)));
    findings.addAll(Axe.blockingFindings(browser, page + " " + dialog));
  }
}
