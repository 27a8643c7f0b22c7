package io.statedesk.web.bench;

import io.statedesk.testkit.PayaraMicro;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Runs one bulk change over N hosted agents through the whole console (REST API, engine, database,
 * gateway client) against the simulator with a fixed latency on {@code setcustomstate}, and prints
 * elapsed time, calls per second and the ratio to the ideal {@code agents x latency / concurrency}.
 * A benchmark command, not a test: see docs/src/benchmarks.md.
 *
 * <p>System properties: {@code bench.agents} (default 10000), {@code bench.latency-ms} (20), {@code
 * bench.concurrency} (20), {@code bench.verify} (false: one call per agent, so the ideal is exact;
 * true adds one read-back per agent).
 */
public final class BulkBenchmark {

  private BulkBenchmark() {}

  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
  static final String ADMIN =
      "Basic "
          + Base64.getEncoder().encodeToString("admin:admin-demo".getBytes(StandardCharsets.UTF_8));

  public static void main(String[] args) throws Exception {
    int agents = Integer.getInteger("bench.agents", 10_000);
    long latency = Long.getLong("bench.latency-ms", 20);
    int concurrency = Integer.getInteger("bench.concurrency", 20);
    boolean verify = Boolean.getBoolean("bench.verify");
    System.out.printf(
        "Bulk benchmark: %d agents (relayed sessions), setcustomstate latency %d ms, concurrency %d, read-back %s%n",
        agents, latency, concurrency, verify ? "on" : "off");
    int port = PayaraMicro.freePort();
    String base = "http://localhost:" + port;
    long bootStart = System.nanoTime();
    try (PayaraMicro server =
        PayaraMicro.builder()
            .port(port)
            .maxHeap("3g")
            .startupTimeout(Duration.ofMinutes(5))
            .deploy(Path.of(PayaraMicro.requiredProperty("console.war")), "statedesk")
            .deploy(Path.of(PayaraMicro.requiredProperty("simulator.war")), "agentgateway")
            .systemProperty("statedesk.demo.enabled", "true")
            .systemProperty("statedesk.api.basic-auth", "true")
            .systemProperty("statedesk.gateway.url", base + "/agentgateway/resource")
            .systemProperty("statedesk.gateway.auth-mode", "1")
            .systemProperty("simulator.auth-mode", "1")
            .systemProperty("simulator.max-idle-ms", "3600000")
            .systemProperty("simulator.agents", Integer.toString(agents))
            .systemProperty("simulator.signed-in-elsewhere-share", "0")
            .systemProperty("simulator.activity-period-ms", "0")
            .systemProperty("statedesk.directory.sync-enabled", "true")
            .systemProperty("statedesk.directory.account", "999001")
            .systemProperty("statedesk.directory.password", "Sim#999001")
            .systemProperty("statedesk.directory.phonenum", "7999001")
            .systemProperty("statedesk.bulk.concurrency", Integer.toString(concurrency))
            .systemProperty("statedesk.bulk.confirm-above", "1000000")
            .readyWhen("/statedesk/login.xhtml")
            .start()) {
      System.out.printf("Console and simulator at %s%n", server.baseUrl());
      long known = 0;
      long until = System.currentTimeMillis() + 300_000;
      while (known < agents && System.currentTimeMillis() < until) {
        Thread.sleep(3_000);
        try { // the console syncs its directory at start
          known = number(send("GET", base + "/statedesk/api/agents?max=1", null), "total");
        } catch (java.io.IOException | IllegalStateException e) {
          System.out.println("waiting: " + e.getMessage());
        }
      }
      String token =
          send("POST", base + "/statedesk/api/relay-clients", "{\"name\":\"benchmark\"}")
              .replaceAll(".*\"token\":\"([^\"]+)\".*", "$1");
      long relayStart = System.nanoTime();
      java.util.concurrent.ExecutorService pool =
          java.util.concurrent.Executors.newFixedThreadPool(16);
      java.util.List<java.util.concurrent.Future<?>> jobs = new java.util.ArrayList<>();
      StringBuilder ids = new StringBuilder();
      for (int i = 0; i < agents; i++) {
        int agent = 10_001 + i;
        ids.append(i == 0 ? "" : ",").append(agent);
        jobs.add(
            pool.submit(
                () -> {
                  HttpResponse<String> signIn =
                      HTTP.send(
                          HttpRequest.newBuilder(
                                  URI.create(
                                      base
                                          + "/agentgateway/resource/onlineagent/"
                                          + agent
                                          + "/loginex"))
                              .header("Content-Type", "application/json")
                              .PUT(
                                  HttpRequest.BodyPublishers.ofString(
                                      "{\"password\":\"Sim#"
                                          + agent
                                          + "\",\"phonenum\":\"7"
                                          + agent
                                          + "\"}"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  String guid =
                      signIn
                          .headers()
                          .firstValue("Set-GUID")
                          .orElseThrow()
                          .replace("JSESSIONID=", "");
                  HttpResponse<String> relayed =
                      HTTP.send(
                          HttpRequest.newBuilder(
                                  URI.create(base + "/statedesk/api/sessions/" + agent))
                              .header("Authorization", "Bearer " + token)
                              .header("Content-Type", "application/json")
                              .PUT(
                                  HttpRequest.BodyPublishers.ofString(
                                      "{\"guid\":\"" + guid + "\",\"authMode\":1}"))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  if (relayed.statusCode() >= 300) {
                    throw new IllegalStateException(
                        "relay " + agent + ": HTTP " + relayed.statusCode() + " " + relayed.body());
                  }
                  return null;
                }));
      }
      for (java.util.concurrent.Future<?> job : jobs) {
        job.get();
      }
      pool.shutdown();
      System.out.printf(
          "Ready after %.0f s: %d agents in the directory, %d sessions relayed in %.0f s%n",
          (System.nanoTime() - bootStart) / 1e9,
          known,
          agents,
          (System.nanoTime() - relayStart) / 1e9);
      send(
          "PUT",
          base + "/agentgateway/simulator/faults",
          "{\"latencyMs\":" + latency + ",\"operations\":[\"setCustomState\"]}");
      String made =
          send(
              "POST",
              base + "/statedesk/api/changes",
              "{\"agents\":[" + ids + "],\"code\":100,\"verify\":" + verify + "}");
      long id = number(made, "id");
      String done;
      do {
        Thread.sleep(500);
        done = send("GET", base + "/statedesk/api/changes/" + id, null);
      } while (!done.matches("(?s).*\"status\":\"(COMPLETED|CANCELLED|INTERRUPTED)\".*"));
      Instant started = Instant.parse(text(done, "startedAt"));
      Instant finished = Instant.parse(text(done, "finishedAt"));
      double seconds = Duration.between(started, finished).toMillis() / 1000.0;
      long total = number(done, "total");
      long succeeded = number(done, "succeeded");
      long calls = total * (verify ? 2 : 1);
      double ideal = total * latency / 1000.0 / concurrency;
      System.out.printf("Change %d: %s%n", id, text(done, "statusDetail"));
      System.out.printf(
          "Elapsed %.1f s for %d agents (%d succeeded): %.0f agents/s, %.0f gateway calls/s%n",
          seconds, total, succeeded, total / seconds, calls / seconds);
      System.out.printf(
          "Ideal agents x latency / concurrency = %.1f s; ratio elapsed / ideal = %.2f%n",
          ideal, seconds / ideal);
    }
  }

  static String send(String method, String url, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", ADMIN)
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(method + " " + url + ": " + r.statusCode() + " " + r.body());
    }
    return r.body();
  }

  static long number(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":(\\d+)").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + field + " in " + json);
    }
    return Long.parseLong(m.group(1));
  }

  static String text(String json, String field) {
    Matcher m = Pattern.compile("\"" + field + "\":\"([^\"]*)\"").matcher(json);
    if (!m.find()) {
      throw new IllegalStateException("no " + field + " in " + json);
    }
    return m.group(1);
  }
}
