package io.statedesk.servers;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.BrowserSteps;
import io.statedesk.testkit.Browsers;
import io.statedesk.testkit.JsonFields;
import io.statedesk.testkit.LoginPage;
import io.statedesk.testkit.SimulatorControl;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The smoke tests every server of the matrix must pass with the EAR as built: readiness, sign-in,
 * the catalog page, a small bulk change picked and applied in the browser, and the authorization
 * rules that only the server's security wiring can break (a supervisor's handcrafted catalog call,
 * another team's change).
 */
abstract class ServerSmoke {

  static final String ADMIN = basic("admin", "admin-demo");
  static final String ALICE = basic("alice", "alice-demo");
  static final String BOB = basic("bob", "bob-demo");

  WebDriver browser;

  /** The test kit's waits and clicks, as the web module's browser tests use them (one copy). */
  BrowserSteps page;

  String testName;

  abstract AppServer server();

  static String basic(String user, String password) {
    return AppServer.basic(user, password);
  }

  HttpResponse<String> api(String method, String path, String body, String authorization) {
    return server().api(method, path, body, authorization);
  }

  @BeforeEach
  void directorySynced(TestInfo info) {
    testName =
        server().getClass().getSimpleName()
            + "-"
            + info.getTestMethod().map(m -> m.getName()).orElse("test");
    HttpResponse<String> sync = api("POST", "/agents/sync", null, ADMIN);
    assertThat(sync.statusCode()).as(sync.body()).isEqualTo(200);
  }

  @AfterEach
  void closeBrowser() throws IOException {
    if (browser != null) {
      try {
        page.screenshot(testName);
      } finally {
        browser.quit();
        browser = null;
        page = null;
      }
    }
  }

  @Test
  void readinessReportsTheDatabaseAndTheGateway() {
    server().awaitOk(server().readinessUrl(), Duration.ofMinutes(1));
    HttpResponse<String> ready =
        AppServer.HTTP
            .sendAsync(
                HttpRequest.newBuilder(URI.create(server().readinessUrl())).build(),
                HttpResponse.BodyHandlers.ofString())
            .join();
    assertThat(ready.body())
        .contains("\"name\":\"statedesk\"")
        .contains("\"database\":\"UP\"")
        .contains("\"gateway\":\"UP\"");
  }

  @Test
  void pagesCarryTheSecurityHeadersAndAStrictSessionCookie() throws Exception {
    HttpResponse<String> login =
        AppServer.HTTP.send(
            HttpRequest.newBuilder(URI.create(server().consoleUrl() + "/login.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    assertThat(login.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
    // one policy (PrimeFaces' CSP mode, with a nonce), no inline script allowed without it
    assertThat(login.headers().allValues("Content-Security-Policy"))
        .singleElement()
        .asString()
        .contains("frame-ancestors 'none'")
        .contains("'nonce-")
        .doesNotContain("unsafe-eval")
        .doesNotContainPattern("script-src[^;]*'unsafe-inline'");
    // Payara reads glassfish-web.xml, WildFly WEB-INF/undertow-handlers.conf: both must say so
    String cookie =
        login.headers().allValues("Set-Cookie").stream()
            .filter(c -> c.startsWith("JSESSIONID="))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no session cookie: " + login.headers()));
    assertThat(cookie.toLowerCase(Locale.ROOT)).contains("httponly").contains("samesite=strict");
    assertThat(login.body()).doesNotContainPattern("\\sat [a-z]+\\.[a-z]+\\.[A-Za-z.$]+\\(");
  }

  @Test
  void ldapUsersSignInWithTheRolesOfTheirGroups() {
    // carol is in statedesk-admins, dave in statedesk-supervisors (no team yet: sees nothing)
    HttpResponse<String> carol = api("GET", "/agents?max=1", null, basic("carol", "carol-ldap"));
    assertThat(carol.statusCode()).as(carol.body()).isEqualTo(200);
    assertThat(carol.body()).doesNotContain("\"total\":0,");
    assertThat(api("GET", "/catalog/100", null, basic("carol", "carol-ldap")).statusCode())
        .isEqualTo(200);
    HttpResponse<String> dave = api("GET", "/agents?max=1", null, basic("dave", "dave-ldap"));
    assertThat(dave.statusCode()).as(dave.body()).isEqualTo(200);
    assertThat(dave.body()).contains("\"total\":0,");
    String sneaky = "{\"code\":3991,\"label\":\"Sneaky\",\"colour\":\"#000000\"}";
    assertThat(api("POST", "/catalog", sneaky, basic("dave", "dave-ldap")).statusCode())
        .isEqualTo(403);
    // the directory's "admin" entry never signs in as the local admin; erin is in no group
    assertThat(api("GET", "/agents?max=1", null, basic("admin", "admin-ldap")).statusCode())
        .isEqualTo(401);
    assertThat(api("GET", "/agents?max=1", null, basic("erin", "erin-ldap")).statusCode())
        .isEqualTo(401);
  }

  @Test
  void aSupervisorCannotDoWhatOnlyAnAdminMay() {
    String sneaky = "{\"code\":3990,\"label\":\"Sneaky\",\"colour\":\"#000000\"}";
    assertThat(api("POST", "/catalog", sneaky, ALICE).statusCode()).isEqualTo(403);
    assertThat(api("DELETE", "/catalog/100", null, ALICE).statusCode()).isEqualTo(403);
    HttpResponse<String> missing = api("GET", "/catalog/3990", null, ADMIN);
    assertThat(missing.statusCode()).isEqualTo(404);
    // JSON-B answers, on every server: null parts left out (WildFly's Jackson wrote "field":null)
    assertThat(missing.body()).startsWith("{\"status\":404,\"error\":\"").doesNotContain("null");
    assertThat(api("GET", "/catalog/100", null, ADMIN).statusCode()).isEqualTo(200);
    assertThat(api("GET", "/catalog/100", null, null).statusCode()).isEqualTo(401);
    assertThat(api("GET", "/catalog/100", null, basic("alice", "wrong")).statusCode())
        .isEqualTo(401);
    // bob leads other teams: alice's agents and alice's changes are not his
    HttpResponse<String> made = api("POST", "/changes", "{\"agents\":[10001],\"code\":101}", ALICE);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    long id = JsonFields.number(made.body(), "id");
    assertThat(api("GET", "/changes/" + id, null, BOB).statusCode()).isEqualTo(404);
    assertThat(api("POST", "/changes/" + id + "/undo", null, BOB).statusCode()).isEqualTo(404);
    // bob may make a change naming alice's agent: it is skipped, never sent to the gateway
    HttpResponse<String> bobMakes =
        api("POST", "/changes", "{\"agents\":[10001],\"code\":101}", BOB);
    assertThat(bobMakes.statusCode()).as(bobMakes.body()).isEqualTo(201);
    assertThat(bobMakes.body()).contains("\"skipped\":1").contains("\"total\":1");
    long bobs = JsonFields.number(bobMakes.body(), "id");
    assertThat(api("GET", "/changes/" + bobs + "/outcomes", null, BOB).body())
        .contains("Not one of your agents");
  }

  /**
   * A free-text search finds its page by ids first, then reads those rows (core's {@code
   * AgentDirectory}): both queries, sorted by id and by name, on this server's JPA provider.
   */
  @Test
  void aSupervisorsSearchFindsAnAgentByIdInEitherOrder() {
    for (String sort : List.of("agentId", "name")) {
      HttpResponse<String> found =
          api("GET", "/agents?q=10001&sort=" + sort + "&desc=true&max=5", null, ALICE);
      assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
      assertThat(found.body()).as("sorted by " + sort).contains("\"agentId\":10001");
    }
  }

  /**
   * Why one method: it is one user's journey, each step on what the step before left; split, each
   * part would sign in and build the same state again.
   */
  @Test
  void aSupervisorPicksAgentsAndAppliesAState() {
    browser = Browsers.chromium();
    page = new BrowserSteps(browser, server().consoleUrl(), Duration.ofSeconds(60));
    LoginPage.open(page).awaitShown().signIn("alice", "alice-demo");

    page.open("/catalog.xhtml");
    assertThat(page.waitFor(By.tagName("body")).getText()).contains("Training");

    page.open("/agents.xhtml");
    awaitLive(); // the websocket of live updates works on this server
    // clicks find their element again if a live refresh re-rendered it (page.click): the picker
    // refreshes when its websocket opens and whenever an agent moves
    page.click(By.id("agentsForm:teams"));
    page.click(
        By.xpath(
            "//div[@id='agentsForm:teams_panel']//li[.//label[normalize-space()='Billing']]"
                + "//div[contains(@class,'ui-chkbox-box')]"));
    page.awaitAjax();
    page.click(By.tagName("h1"));
    page.awaitAjax();
    page.awaitText(By.id("agentsForm:selectAll"), "Select all 50 that match");
    page.click(By.cssSelector("[id$=':0:toggle']")); // 10001, hosted
    page.awaitAjax();
    page.click(By.cssSelector("[id$=':1:toggle']")); // 10007, hosted
    page.awaitAjax();
    assertThat(page.waitFor(By.id("agentsForm:selectedCount")).getText())
        .isEqualTo("2 agents selected");

    page.click(By.id("agentsForm:setState"));
    page.awaitAjax();
    page.choose("setStateForm:code", By.id("setStateForm:code_1")); // again if a click missed
    assertThat(page.waitFor(By.id("setStateForm:code_label")).getText()).startsWith("100 ·");
    page.click(By.id("setStateForm:preview"));
    page.awaitAjax();
    assertThat(page.waitFor(By.id("previewTotals")).getText()).contains("2 will change");
    page.clickWhenSteady(By.id("setStateForm:apply"));
    page.waiting().until(ExpectedConditions.urlContains("/change.xhtml"));
    awaitLive();
    page.awaitText(By.id("changeForm:status"), "Completed");
    assertThat(page.waitFor(By.cssSelector(".sd-n-succeeded")).getText()).isEqualTo("2");
    assertThat(browser.findElements(By.cssSelector(".sd-n-failed"))).isEmpty(); // none failed
    // and the gateway holds what the page says, in each agent's own session
    for (int agent : new int[] {10001, 10007}) {
      String held = SimulatorControl.at(AppServer.HTTP, server().baseUrl()).agent(agent);
      assertThat(held).as("agent " + agent).contains("\"customState\":100,");
    }

    // the server's own log never shows a Guid, whatever it logged on the way
    assertThat(server().logShowsAGuid()).as("a Guid in " + server().logFile()).isFalse();
  }

  /**
   * Waits for the page's live updates to be connected: "Live", not "Live updates off" (the page
   * would then fall back to refreshing every 15 s).
   */
  void awaitLive() {
    page.waiting()
        .withMessage(
            () -> "live updates: " + browser.findElement(By.cssSelector(".sd-live")).getText())
        .until(
            d ->
                "on"
                    .equals(
                        page.script(
                            "return window.StateDesk && StateDesk.live && StateDesk.live.state();")));
  }
}
