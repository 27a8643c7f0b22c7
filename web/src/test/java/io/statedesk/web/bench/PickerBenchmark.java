package io.statedesk.web.bench;

import io.statedesk.testkit.Browsers;
import io.statedesk.testkit.Http;
import io.statedesk.testkit.JsonFields;
import io.statedesk.testkit.PayaraMicro;
import io.statedesk.web.api.Tokens;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.openqa.selenium.WebDriver;

/**
 * What the agent picker's queries cost over a large directory (issue 20: "the picker over 50,000
 * agents answers in 1-30 ms of server time per page or filter"): one Payara Micro with the console
 * and the simulator seeding {@code bench.agents} agents (50,000 by default), the directory synced
 * from it, then each of the picker's queries through {@code GET /api/agents} (the page's own
 * queries run the same {@code AgentDirectory} methods) as a supervisor, whose team scope filters
 * every query, and as an admin. Per query: the median, 95th percentile and slowest round trip of 30
 * calls after 10 warm-up calls, on one kept-alive loopback connection (so about the server's time),
 * and the server process's CPU per call.
 *
 * <p>Why tokens, not passwords: a password is checked again (PBKDF2) each time the server's
 * one-minute cache of verified passwords expires, which would show as a slow call of its own.
 *
 * <p>{@code ./mvnw -B -pl web -am -Pbench-picker -DskipTests verify [-Dbench.agents=50000]}. Linux
 * only (reads /proc).
 */
public final class PickerBenchmark {

  private static final HttpClient HTTP = Http.client();
  private static final int WARM_UP = 10;
  private static final int TIMED = 30;

  /** The simulator's first agent id (its {@code World.FIRST_WORK_NO}; no code is shared). */
  private static final int FIRST_AGENT = 10001;

  private PickerBenchmark() {}

  public static void main(String[] args) throws Exception {
    int agents = Integer.getInteger("bench.agents", 50_000);
    long start = System.nanoTime();
    try (PayaraMicro server = start(agents)) {
      String console = server.baseUrl() + "/statedesk";
      Map<String, String> tokens = tokens(console);
      String api = console + "/api/agents";
      Awaitility.await("the directory synced from the simulator")
          .pollInSameThread()
          .pollInterval(Duration.ofSeconds(2))
          .atMost(Duration.ofMinutes(10))
          .until(() -> total(api + "?max=1", tokens.get("admin")) >= agents);
      System.out.printf(
          "Picker benchmark: %d agents in the directory after %.0f s; %d timed calls per query"
              + " after %d warm-up calls, 2 cores%n",
          agents, (System.nanoTime() - start) / 1e9, TIMED, WARM_UP);
      // every query of both users first: the JVM compiles the paths the first users take, and
      // measured first they would carry that (alice's first page took 42 ms, then 9 ms)
      for (int round = 0; round < WARM_UP; round++) {
        for (var user : tokens.entrySet()) {
          for (String query : queries(agents).values()) {
            get(api + query, user.getValue());
          }
        }
      }
      System.out.println(
          "| user | query | agents matched | median | p95 | slowest | server CPU per call |");
      System.out.println("|---|---|---|---|---|---|---|");
      for (var user : tokens.entrySet()) {
        long matched = total(api + "?max=1", user.getValue());
        for (var query : queries(matched).entrySet()) {
          measure(server, user.getKey(), query.getKey(), api + query.getValue(), user.getValue());
        }
      }
    }
  }

  /** The console and the simulator seeding {@code agents} agents, the directory synced from it. */
  private static PayaraMicro start(int agents) {
    int port = PayaraMicro.freePort();
    return PayaraMicro.builder()
        .productionSettings()
        .maxHeap("2g")
        .port(port)
        .startupTimeout(Duration.ofMinutes(5))
        .deploy(Path.of(PayaraMicro.requiredProperty("console.war")), "statedesk")
        .deploy(Path.of(PayaraMicro.requiredProperty("simulator.war")), "agentgateway")
        .systemProperty("statedesk.demo.enabled", "true")
        .systemProperty(
            "statedesk.gateway.url", "http://localhost:" + port + "/agentgateway/resource")
        .systemProperty("simulator.agents", Integer.toString(agents))
        .systemProperty("statedesk.directory.sync-enabled", "true")
        .systemProperty("statedesk.directory.account", "999001")
        .systemProperty("statedesk.directory.password", "Sim#999001")
        .systemProperty("statedesk.directory.phonenum", "7999001")
        .readyWhen("/statedesk/login.xhtml")
        .start();
  }

  /** A read-only API token of alice (supervisor) and of admin, made on the tokens page. */
  private static Map<String, String> tokens(String console) {
    Map<String, String> tokens = new LinkedHashMap<>();
    WebDriver browser = Browsers.chromium();
    try {
      for (String[] user : new String[][] {{"alice", "alice-demo"}, {"admin", "admin-demo"}}) {
        browser.manage().deleteAllCookies();
        Tokens.signIn(browser, console, user[0], user[1]);
        tokens.put(user[0], "Bearer " + Tokens.create(browser, console, "picker-bench", "READ"));
      }
    } finally {
      browser.quit();
    }
    return tokens;
  }

  /** The picker's queries: name to query string; {@code visible} is what the user may see. */
  static Map<String, String> queries(long visible) {
    Map<String, String> q = new LinkedHashMap<>();
    q.put("first page (100, by id)", "?max=100");
    q.put("last page (100, by id)", "?max=100&first=" + Math.max(0, visible - 100));
    q.put("sorted by name, descending", "?max=100&sort=name&desc=true");
    q.put("team Billing", "?max=100&team=Billing");
    q.put("state IDLE", "?max=100&state=IDLE");
    q.put("text: an agent id", "?max=100&q=" + (FIRST_AGENT + 4242));
    q.put(
        "text: part of a name", "?max=100&q=" + URLEncoder.encode("mull", StandardCharsets.UTF_8));
    q.put("team + state + text", "?max=100&team=Billing&state=IDLE&q=1");
    q.put("custom state 101", "?max=100&customState=101");
    q.put("no session", "?max=100&session=NONE");
    return q;
  }

  private static void measure(
      PayaraMicro server, String user, String name, String url, String authorization) {
    for (int i = 0; i < WARM_UP; i++) {
      get(url, authorization);
    }
    List<Double> ms = new ArrayList<>();
    long cpuBefore = server.cpuTime().toMillis();
    long matched = 0;
    for (int i = 0; i < TIMED; i++) {
      long t = System.nanoTime();
      String body = get(url, authorization);
      ms.add((System.nanoTime() - t) / 1e6);
      matched = JsonFields.number(body, "total");
    }
    double cpu = (server.cpuTime().toMillis() - cpuBefore) / (double) TIMED;
    Collections.sort(ms);
    System.out.printf(
        "| %s | %s | %,d | %.1f ms | %.1f ms | %.1f ms | %.1f ms |%n",
        user,
        name,
        matched,
        ms.get(ms.size() / 2),
        ms.get((int) Math.ceil(ms.size() * 0.95) - 1),
        ms.get(ms.size() - 1),
        cpu);
  }

  private static long total(String url, String authorization) {
    return JsonFields.number(get(url, authorization), "total");
  }

  private static String get(String url, String authorization) {
    HttpResponse<String> r =
        Http.send(HTTP, Http.request("GET", url, null, "Authorization", authorization).build());
    if (r.statusCode() != 200) {
      throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
    }
    return r.body();
  }
}
