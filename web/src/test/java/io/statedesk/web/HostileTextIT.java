package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Http;
import io.statedesk.web.api.ApiCalls;
import io.statedesk.web.pages.AgentsPage;
import io.statedesk.web.pages.ChangePage;
import io.statedesk.web.pages.SetStateDialog;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * A state code whose label and description are attacks renders as plain text everywhere a
 * supervisor meets it: the catalog table, the state chooser, the Set-state dialog's preview, the
 * change page, the agents table with its tooltip, and the growl that reports the finished change.
 * Every script in the strings would set {@code window.__x}; it must stay undefined.
 */
class HostileTextIT extends BrowserTest {

  static final String LABEL = "<script>__x=1</script>\"onclick=\"__x=2";
  static final String DESCRIPTION = "<img src=x onerror=\"__x=3\"> javascript:__x=4";

  void assertNoScriptRan() {
    Object x = ((JavascriptExecutor) browser).executeScript("return typeof window.__x;");
    assertThat(x).as("a hostile string ran as script").isEqualTo("undefined");
    assertThat(browser.findElements(By.cssSelector("img[src='x']"))).isEmpty();
  }

  @Test
  void aHostileLabelStaysTextInEveryWidget() throws Exception {
    String admin =
        "Basic "
            + Base64.getEncoder()
                .encodeToString("admin:admin-demo".getBytes(StandardCharsets.UTF_8));
    String body =
        "{\"code\":3777,\"label\":\""
            + LABEL.replace("\"", "\\\"")
            + "\",\"description\":\""
            + DESCRIPTION.replace("\"", "\\\"")
            + "\",\"colour\":\"#aa0000\",\"category\":\"<i>cat</i>\",\"sortOrder\":5,"
            + "\"teams\":[\"Sales\"]}";
    HttpResponse<String> created =
        Http.client()
            .send(
                HttpRequest.newBuilder(URI.create(ConsoleServer.consoleUrl() + "/api/catalog"))
                    .header("Authorization", admin)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isIn(201, 409);
    ApiCalls.syncDirectory();

    signIn("bob", "bob-demo"); // the code is offered to Sales, one of bob's teams
    open("/catalog.xhtml");
    assertThat(text(By.tagName("main"))).contains(LABEL).contains("<i>cat</i>");
    assertNoScriptRan();

    AgentsPage picker = openAgents().filterByTeam("Sales");
    String agentId = picker.column("sd-col-id").get(0);
    SetStateDialog dialog = picker.pick(0).setState();
    List<String> items = dialog.openCodeMenu();
    String item =
        items.stream()
            .filter(text -> text.startsWith("3777"))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no item 3777 among: " + items));
    assertThat(item).contains(LABEL);
    assertNoScriptRan();
    dialog.chooseCode("3777");
    assertThat(dialog.codeLabel()).contains(LABEL);
    dialog.preview();
    assertThat(dialog.formText()).contains(LABEL);
    assertNoScriptRan();

    ChangePage change = dialog.apply();
    WebElement growl = waitFor(By.cssSelector("#growl_container .ui-growl-message"));
    assertThat(growl.getText()).contains(LABEL).contains("finished");
    assertThat(change.summary()).contains(LABEL);
    screenshot("HostileTextIT-growl");
    assertNoScriptRan();

    String tooltip = openAgents().customStateTooltip(agentId);
    assertThat(tooltip).contains(LABEL).contains(DESCRIPTION);
    screenshot("HostileTextIT-tooltip");
    assertNoScriptRan();
  }
}
