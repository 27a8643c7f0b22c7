package io.statedesk.web.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The bulk benchmark's HTTP calls to the console and the simulator, and what it reads in them. */
final class BenchHttp {

  private BenchHttp() {}

  static final HttpClient HTTP =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private static final String ADMIN =
      "Basic "
          + Base64.getEncoder().encodeToString("admin:admin-demo".getBytes(StandardCharsets.UTF_8));

  /** Time spent in one gateway operation's calls, as the console's gateway client measured it. */
  record CallTimes(long count, double seconds) {
    CallTimes minus(CallTimes before) {
      return new CallTimes(count - before.count, seconds - before.seconds);
    }
  }

  static String admin(String method, String url, String json) throws Exception {
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
    BulkBenchmark.check(r, method + " " + url);
    return r.body();
  }

  /** Signs {@code agent} in at the simulator: its Guid and the load-balancer cookie, if any. */
  static String[] signIn(String simulator, int agent) throws IOException, InterruptedException {
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(
                    URI.create(
                        simulator + "/agentgateway/resource/onlineagent/" + agent + "/loginex"))
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"password\":\"Sim#" + agent + "\",\"phonenum\":\"7" + agent + "\"}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    BulkBenchmark.check(r, "sign-in " + agent);
    String guid = r.headers().firstValue("Set-GUID").orElseThrow().replace("JSESSIONID=", "");
    String cookie =
        String.join(
            "; ",
            r.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList());
    return new String[] {guid, cookie};
  }

  /** Relays one agent's session (AUTHMODE 2) to the console. */
  static void relay(String console, String token, int agent, String[] session)
      throws IOException, InterruptedException {
    String cookie = session[1].isEmpty() ? "" : ",\"cookie\":\"" + session[1] + "\"";
    HttpResponse<String> r =
        HTTP.send(
            HttpRequest.newBuilder(URI.create(console + "/statedesk/api/sessions/" + agent))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .PUT(
                    HttpRequest.BodyPublishers.ofString(
                        "{\"guid\":\"" + session[0] + "\"" + cookie + ",\"authMode\":2}"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    BulkBenchmark.check(r, "relay " + agent);
  }

  /**
   * The simulator's latency path alone: the mean time of 40 {@code setcustomstate} calls made one
   * at a time over one kept-alive connection, with the latency set, after 2,000 without latency
   * (prints their mean too). Why so many first: the 10 calls this probe made first, when the
   * simulator's JVM had just started, left the latency path's code to the interpreter. Run after
   * each level's warm-up changes (which ran at 1 ms), so that it measures the stand-in as warm as
   * the measured changes find it. Target 150: a code no change of the benchmark sets.
   */
  static double probe(String simulator, Map<Integer, String[]> sessions, long latency)
      throws Exception {
    String[] session = sessions.get(10_001);
    URL call =
        URI.create(
                simulator
                    + "/agentgateway/resource/onlineagent/10001/setcustomstate?customstate=150")
            .toURL();
    double unloaded = timeCalls(call, session, 2_000);
    admin(
        "PUT",
        simulator + "/agentgateway/simulator/faults",
        "{\"latencyMs\":" + latency + ",\"operations\":[\"setCustomState\"]}");
    double delayed = timeCalls(call, session, 40);
    admin("DELETE", simulator + "/agentgateway/simulator/faults", null);
    System.out.printf(
        "Simulator alone without latency: %.2f ms per call (the last 1,000 of 2,000)%n", unloaded);
    return delayed;
  }

  /**
   * The mean milliseconds of the last half of {@code n} calls to {@code url}, one at a time.
   *
   * <p>Why the JDK's {@code HttpURLConnection}, kept alive, and not {@link #HTTP}: it is the
   * connector the console's JAX-RS client (Jersey) uses, so "simulator alone" and the console's
   * client time compare like with like. {@code java.net.http} added 1.5-2 ms per call of its own on
   * this machine (benchmarks.md), which counted as the stand-in's and hid the console's share.
   */
  private static double timeCalls(URL url, String[] session, int n) throws IOException {
    long total = 0;
    for (int i = 0; i < n; i++) {
      long start = System.nanoTime();
      HttpURLConnection c = (HttpURLConnection) url.openConnection();
      c.setRequestMethod("POST");
      c.setRequestProperty("Content-Type", "application/json; charset=UTF-8");
      c.setRequestProperty("guid", session[0]);
      if (!session[1].isEmpty()) {
        c.setRequestProperty("Cookie", session[1]);
      }
      c.setDoOutput(true);
      c.getOutputStream().close();
      String body;
      try (InputStream in = c.getInputStream()) { // read to the end: the connection is kept alive
        body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      }
      if (!body.contains("\"retcode\":\"0\"")) {
        throw new IllegalStateException("probe: " + body);
      }
      if (i >= n / 2) {
        total += System.nanoTime() - start;
      }
    }
    return total / (n - n / 2) / 1e6;
  }

  /** The count and total seconds of an operation's calls (all results) in Prometheus text. */
  static CallTimes callTimes(String metrics, String operation) {
    long count = 0;
    double seconds = 0;
    Pattern line =
        Pattern.compile(
            "^statedesk_gateway_calls_seconds_(count|sum)\\{([^}]*)\\}\\s+(\\S+)",
            Pattern.MULTILINE);
    Matcher m = line.matcher(metrics);
    while (m.find()) {
      if (m.group(2).contains("operation=\"" + operation + "\"")) {
        double value = Double.parseDouble(m.group(3));
        if (m.group(1).equals("count")) {
          count += (long) value;
        } else {
          seconds += value;
        }
      }
    }
    return new CallTimes(count, seconds);
  }
}
