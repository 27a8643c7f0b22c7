package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.Http;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/** Error pages: a readable page with an error id that the operator finds in the log. */
class ErrorPagesIT extends BrowserTest {

  @Test
  void unknownPageShows404WithAnErrorIdThatIsInTheLog() {
    signIn("alice", "alice-demo");
    open("/no-such-page.xhtml");
    assertThat(text(By.id("errorTitle"))).isEqualTo("Page not found");
    String id = text(By.cssSelector("#errorId code"));
    assertThat(id).matches("[0-9a-f]{10}");
    assertThat(ConsoleServer.get().log()).contains("Error id " + id + ": HTTP 404");
    assertThat(browser.getPageSource())
        .doesNotContain("at io.statedesk")
        .doesNotContain("Caused by");
  }

  @Test
  void statusCodesAreTheRealOnes() throws Exception {
    HttpClient http = Http.client();
    HttpResponse<String> login =
        http.send(
            HttpRequest.newBuilder(URI.create(ConsoleServer.consoleUrl() + "/login.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(login.statusCode()).isEqualTo(200);
    HttpResponse<String> anonymous =
        http.send(
            HttpRequest.newBuilder(URI.create(ConsoleServer.consoleUrl() + "/index.xhtml")).build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(anonymous.statusCode())
        .as("anonymous users are sent to the login page")
        .isEqualTo(302);
    assertThat(anonymous.headers().firstValue("Location"))
        .hasValueSatisfying(l -> assertThat(l).contains("login.xhtml"));
  }
}
