package io.statedesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.PayaraMicro;
import io.statedesk.web.ConsoleServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A console killed half-way through a bulk change and started again on the same database ends the
 * change with exact counts, never calls an agent again for the change whose outcome was known to be
 * good, and ends with every agent holding the state at the gateway (re-applied, and counted so,
 * where the restart's new session had lost it). The gateway is the shared test server's simulator,
 * which outlives the console.
 */
class BulkRestartIT {

  static final HttpClient HTTP = HttpClient.newHttpClient();
  static final String ADMIN = Api.basic("admin", "admin-demo");
  static final int FIRST = 10101;
  static final int AGENTS = 200;

  String simulator;

  PayaraMicro console(Path dir) {
    return PayaraMicro.builder()
        .workDir(dir)
        .deploy(Path.of(PayaraMicro.requiredProperty("console.war")), "statedesk")
        .postBootCommand(
            "set resources.jdbc-connection-pool.H2Pool.property.URL=jdbc:h2:file:"
                + dir.resolve("h2/statedesk")
                + ";AUTO_SERVER=TRUE;WRITE_DELAY=0") // as the run command: see architecture.md
        .systemProperty("statedesk.demo.enabled", "true")
        .systemProperty("statedesk.api.basic-auth", "true")
        .systemProperty("statedesk.gateway.url", simulator + "/resource")
        .systemProperty("statedesk.sessions.hosted.enabled", "true")
        .systemProperty("statedesk.sessions.hosted.agents", FIRST + "-" + (FIRST + AGENTS - 1))
        .systemProperty("statedesk.sessions.hosted.password-pattern", "Sim#{agent}")
        .systemProperty("statedesk.sessions.hosted.phonenum-pattern", "7{agent}")
        .systemProperty("statedesk.sessions.hosted.force", "true")
        .systemProperty("statedesk.sessions.hosted.sign-in-rate", "200")
        .systemProperty("statedesk.bulk.concurrency", "4")
        .systemProperty("statedesk.bulk.lease-seconds", "6")
        .systemProperty("statedesk.bulk.resume-delay-seconds", "8")
        .systemProperty("statedesk.bulk.reconcile-wait-seconds", "30")
        // desired states: a short background read-back (the restart's new sessions are also
        // reconciled as each signs in)
        .systemProperty("statedesk.desired.check-period-seconds", "2")
        .systemProperty("statedesk.desired.check-rate", "200")
        .readyWhen("/statedesk/login.xhtml")
        .start();
  }

  @Test
  void aChangeKilledHalfWayEndsWithExactCountsAndNoKnownGoodAgentCalledTwice() throws Exception {
    simulator = ConsoleServer.get().baseUrl() + "/agentgateway";
    Path dir = Files.createTempDirectory("statedesk-restart-");
    PayaraMicro console = console(dir);
    try {
      String base = console.baseUrl() + "/statedesk/api";
      // the directory by CSV import: a sync would sign in the directory account that the shared
      // console uses, and each sign-in ends the other's session
      StringBuilder csv = new StringBuilder("agent_id,name,team,skills,phone\n");
      for (int i = 0; i < AGENTS; i++) {
        csv.append(FIRST + i).append(",Agent ").append(FIRST + i).append(",Billing,,\n");
      }
      send("POST", base + "/agents/import", csv.toString(), ADMIN);
      StringBuilder ids = new StringBuilder();
      for (int i = 0; i < AGENTS; i++) {
        ids.append(i == 0 ? "" : ",").append(FIRST + i);
      }
      String body = "{\"agents\":[" + ids + "],\"code\":110}";
      await(
          () ->
              number(send("POST", base + "/changes?dryRun=true", body, ADMIN), "WILL_CHANGE")
                  == AGENTS,
          120,
          "hosted sessions for every agent");
      send(
          "PUT",
          simulator + "/simulator/faults",
          "{\"latencyMs\":150,\"operations\":[\"setCustomState\"]}",
          null);
      long id = number(send("POST", base + "/changes", body, ADMIN), "id");
      String change = base + "/changes/" + id;
      await(
          () -> number(send("GET", change, null, ADMIN), "succeeded") >= AGENTS / 3, 60, "a third");

      Set<Integer> knownGood =
          agents(send("GET", change + "/outcomes?status=SUCCEEDED&max=1000", null, ADMIN));
      long lastSeq = lastSeq();
      console.kill();
      assertThat(knownGood).hasSizeBetween(AGENTS / 3, AGENTS - 1);

      // calls the killed console had in flight still finish at the gateway (150 ms latency);
      // after this instant every accepted call is the restarted console's
      Thread.sleep(1_000);
      long restartedAt = System.currentTimeMillis();
      console = console(dir);
      String restarted = console.baseUrl() + "/statedesk/api/changes/" + id;
      await(
          () -> send("GET", restarted, null, ADMIN).matches("(?s).*\"status\":\"COMPLETED\".*"),
          120,
          "the change to complete after the restart");
      String done = send("GET", restarted, null, ADMIN);
      assertThat(number(done, "total")).isEqualTo(AGENTS);
      assertThat(number(done, "succeeded")).isEqualTo(AGENTS);
      assertThat(number(done, "pending")).isZero();

      // the set calls the gateway accepted from the restarted console
      Map<Integer, Integer> acceptedAfterRestart = new HashMap<>();
      String calls =
          send(
              "GET",
              simulator
                  + "/simulator/requests?operation=setCustomState&limit=100000&after="
                  + lastSeq,
              null,
              null);
      Matcher m =
          Pattern.compile("\"agentId\":(\\d+),\"at\":(\\d+),[^}]*\"retcode\":\"0\"").matcher(calls);
      while (m.find()) {
        if (Long.parseLong(m.group(2)) >= restartedAt) {
          acceptedAfterRestart.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
        }
      }
      // every agent has the state at the gateway: the restart's new sessions started without
      // it, so the console re-applied it where it was gone
      await(() -> allHave(110), 60, "every agent to read back 110 at the simulator");
      Map<Integer, Integer> reapplied =
          reapplied(send("GET", restarted + "/outcomes?max=1000", null, ADMIN));
      for (int agent = FIRST; agent < FIRST + AGENTS; agent++) {
        // the change itself calls an agent whose success was recorded before the kill never again,
        // the others once; any further set is a re-application counted on the outcome (which may
        // also count one the killed console made before the kill, after a missed rotation)
        int byChange = knownGood.contains(agent) ? 0 : 1;
        assertThat(acceptedAfterRestart.getOrDefault(agent, 0))
            .as("set calls accepted for agent %d after the restart", agent)
            .isBetween(byChange, byChange + reapplied.getOrDefault(agent, 0));
      }
      assertThat(acceptedAfterRestart).isNotEmpty();
    } finally {
      console.close();
      send("DELETE", simulator + "/simulator/faults", null, null);
    }
  }

  /** Whether every agent reads back {@code code} at the simulator. */
  boolean allHave(int code) throws Exception {
    for (int agent = FIRST; agent < FIRST + AGENTS; agent++) {
      String view = send("GET", simulator + "/simulator/agents/" + agent, null, null);
      if (!view.contains("\"customState\":" + code + ",")) {
        return false;
      }
    }
    return true;
  }

  /** Re-applications by agent, from the outcomes. */
  static Map<Integer, Integer> reapplied(String outcomes) {
    Map<Integer, Integer> by = new HashMap<>();
    Matcher m = Pattern.compile("\"agentId\":(\\d+)[^}]*\"reapplied\":(\\d+)").matcher(outcomes);
    while (m.find()) {
      by.put(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    return by;
  }

  static Set<Integer> agents(String outcomes) {
    Set<Integer> ids = new HashSet<>();
    Matcher m = Pattern.compile("\"agentId\":(\\d+)").matcher(outcomes);
    while (m.find()) {
      ids.add(Integer.parseInt(m.group(1)));
    }
    return ids;
  }

  long lastSeq() throws Exception {
    // the record holds many polls: ask for the set calls only (oldest first, fewer than the limit)
    String calls =
        send(
            "GET",
            simulator + "/simulator/requests?operation=setCustomState&limit=100000",
            null,
            null);
    Matcher m = Pattern.compile("\"seq\":(\\d+)").matcher(calls);
    long last = 0;
    while (m.find()) {
      last = Math.max(last, Long.parseLong(m.group(1)));
    }
    return last;
  }

  interface Check {
    boolean ok() throws Exception;
  }

  static void await(Check check, int seconds, String what) throws Exception {
    long until = System.currentTimeMillis() + seconds * 1000L;
    while (!check.ok()) {
      if (System.currentTimeMillis() > until) {
        throw new AssertionError("Timed out after " + seconds + " s waiting for " + what);
      }
      Thread.sleep(250);
    }
  }

  static long number(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
    if (!m.find()) {
      throw new AssertionError("no " + field + " in " + json);
    }
    return Long.parseLong(m.group(1));
  }

  static String send(String method, String url, String json, String auth) throws Exception {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", url.endsWith("/import") ? "text/csv" : "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json));
    if (auth != null) {
      request.header("Authorization", auth);
    }
    HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).as(method + " " + url + ": " + r.body()).isLessThan(300);
    return r.body();
  }
}
