package io.statedesk.web.api;

import static io.statedesk.web.api.Api.send;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.statedesk.testkit.Browsers;
import io.statedesk.testkit.JsonFields;
import io.statedesk.web.BrowserTest;
import io.statedesk.web.ConsoleServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

/**
 * Cross-site request forgery against the API, as a browser makes it: a signed-in supervisor who
 * once opened an {@code /api} URL visits a page on another origin (served here by the JDK's own
 * HTTP server on another port) that auto-submits a {@code text/plain} form to {@code /api/changes}
 * (exactly the body of a JSON request) and sends a no-cors {@code fetch} with the browser's
 * credentials. Both are refused and no change is made; the same request with a token and {@code
 * application/json} works.
 */
class CrossSiteIT extends BrowserTest {

  private HttpServer evil;

  @BeforeEach
  void startForeignSite() throws IOException {
    evil = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    String target = ConsoleServer.consoleUrl() + "/api/changes";
    String page =
        """
        <!DOCTYPE html><html><body>
        <p id="state">starting</p>
        <form id="f" method="POST" enctype="text/plain" action="TARGET">
          <input type="hidden" name='{"agents":[10031],"code":101,"note":"csrf","pad":"' value='"}'>
        </form>
        <script>
          fetch("TARGET", {method: "POST", mode: "no-cors", credentials: "include",
                           headers: {"Content-Type": "text/plain"},
                           body: '{"agents":[10031],"code":101,"note":"csrf-fetch"}'})
            .then(function () { document.getElementById("state").textContent = "fetched"; },
                  function () { document.getElementById("state").textContent = "fetch failed"; })
            .then(function () { document.getElementById("f").submit(); });
        </script>
        </body></html>
        """
            .replace("TARGET", target);
    evil.createContext(
        "/",
        exchange -> {
          byte[] body = page.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().set("Content-Type", "text/html; charset=UTF-8");
          exchange.sendResponseHeaders(200, body.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
          }
        });
    evil.start();
  }

  @AfterEach
  void stopForeignSite() {
    evil.stop(0);
  }

  @Test
  void aForeignPageCannotMakeAChangeButATokenWithJsonCan() {
    String token = Tokens.bearer("alice", "alice-demo");
    long before = csrfChanges(token);
    signIn("alice", "alice-demo");
    // the user opens an API URL once (with credentials in the URL, as a bookmark might): no
    // password prompt is offered, so the browser keeps no password to send later
    String api = ConsoleServer.consoleUrl().replace("://", "://alice:alice-demo@") + "/api/changes";
    browser.get(api);
    assertThat(browser.findElement(By.tagName("body")).getText()).contains("\"status\":401");

    browser.get("http://127.0.0.1:" + evil.getAddress().getPort() + "/");
    // the form navigates the tab to the API's answer once the fetch has settled
    Browsers.waitUpTo(browser, Duration.ofSeconds(30))
        .until(d -> d.getCurrentUrl().startsWith(ConsoleServer.consoleUrl() + "/api/changes"));
    String answer = browser.findElement(By.tagName("body")).getText();
    assertThat(answer).containsAnyOf("\"status\":401", "\"status\":415");
    assertThat(csrfChanges(token)).isEqualTo(before);
    assertThat(((JavascriptExecutor) browser).executeScript("return document.cookie").toString())
        .doesNotContain("JSESSIONID"); // HttpOnly: no script reads it either

    HttpResponse<String> made =
        send(
            "POST",
            "/changes",
            "{\"agents\":[10031],\"code\":101,\"note\":\"csrf-check\"}",
            "Authorization",
            token);
    assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
    assertThat(csrfChanges(token)).isEqualTo(before + 1);
  }

  /** How many of alice's changes carry a note starting with "csrf". */
  private static long csrfChanges(String token) {
    HttpResponse<String> history =
        send("GET", "/changes?createdBy=alice&max=500", null, "Authorization", token);
    assertThat(history.statusCode()).isEqualTo(200);
    return JsonFields.objects(history.body(), "note").stream()
        .filter(change -> JsonFields.text(change, "note", "").startsWith("csrf"))
        .count();
  }
}
