package io.statedesk.web.bench;

import io.statedesk.testkit.Browsers;
import io.statedesk.testkit.Http;
import io.statedesk.testkit.PayaraMicro;
import io.statedesk.web.api.Tokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.openqa.selenium.WebDriver;

/**
 * What authenticating an API call costs the server: the CPU time of the Payara Micro process (user
 * + system) spent on 100 calls with a personal API token, against one call with a password (Basic,
 * not yet in the short-lived verified-password cache, so one PBKDF2). Prints the figures that
 * docs/src/benchmarks.md reports.
 *
 * <p>{@code ./mvnw -B -pl web -am -Pbench-api -DskipTests verify}. The process CPU time comes from
 * {@link PayaraMicro#cpuTime()}.
 */
public final class ApiAuthBenchmark {

  private static final HttpClient HTTP = Http.client();

  private ApiAuthBenchmark() {}

  public static void main(String[] args) throws Exception {
    int port = PayaraMicro.freePort();
    String base = "http://localhost:" + port;
    try (PayaraMicro server =
        PayaraMicro.builder()
            .productionSettings()
            .port(port)
            .startupTimeout(Duration.ofMinutes(5))
            .deploy(Path.of(PayaraMicro.requiredProperty("console.war")), "statedesk")
            .systemProperty("statedesk.demo.enabled", "true")
            .systemProperty("statedesk.api.basic-auth", "true")
            .readyWhen("/statedesk/login.xhtml")
            .start()) {
      String console = base + "/statedesk";
      WebDriver browser = Browsers.chromium();
      String token;
      try {
        Tokens.signIn(browser, console, "alice", "alice-demo");
        token = "Bearer " + Tokens.create(browser, console, "bench", "READ");
      } finally {
        browser.quit();
      }
      String url = console + "/api/agents?max=1";
      for (int i = 0; i < 300; i++) { // warm up: JIT, caches, connection
        call(url, token);
      }
      call(url, basic("admin", "admin-demo"));
      List<Long> tokens = new ArrayList<>();
      for (int round = 0; round < 5; round++) {
        long before = cpuMillis(server);
        for (int i = 0; i < 100; i++) {
          call(url, token);
        }
        tokens.add(cpuMillis(server) - before);
      }
      List<Long> basics = new ArrayList<>();
      for (String[] user : new String[][] {{"alice", "alice-demo"}, {"bob", "bob-demo"}}) {
        long before = cpuMillis(server);
        call(url, basic(user[0], user[1]));
        basics.add(cpuMillis(server) - before);
      }
      long before = cpuMillis(server);
      for (int i = 0; i < 100; i++) {
        call(url, basic("alice", "alice-demo"));
      }
      long cachedBasic = cpuMillis(server) - before;
      System.out.printf(
          "API authentication CPU (server process, ms): 100 calls with a token %s;"
              + " 1 call with Basic (PBKDF2) %s; 100 calls with Basic once cached %d%n",
          tokens, basics, cachedBasic);
    }
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  static void call(String url, String authorization) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(url)).header("Authorization", authorization).build(),
            HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  /** User + system CPU time of the server's JVM so far, in ms. */
  static long cpuMillis(PayaraMicro server) {
    return server.cpuTime().toMillis();
  }
}
