package io.statedesk.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.PayaraMicro;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * What the simulator's JVM costs while many sessions long-poll (issue 20: the stand-in gateway must
 * not be the benchmark's bottleneck): its thread count and CPU, sampled from {@code /proc}, in two
 * phases: held polls alone, then with an injected latency on every call plus callers that query the
 * custom state in a loop. Not part of the build; run it with
 *
 * <pre>
 * ./mvnw -B -pl simulator -am verify -Dit.test=HeldPollsBench -Dtest=none \
 *   -Dsurefire.failIfNoSpecifiedTests=false [-Dbench.sessions=2000] [-Dbench.seconds=60] \
 *   [-Dbench.latency-ms=1000] [-Dbench.callers=200] [-Dbench.war=path/to/another.war]
 * </pre>
 *
 * <p>The figures go to stdout and {@code target/held-polls-bench.txt}. Linux only ({@code /proc}).
 * It asserts that no poll was refused and that polls kept being answered in both phases.
 */
class HeldPollsBench {

  static final int FIRST = 10001;

  final int sessions = Integer.getInteger("bench.sessions", 2000);
  final int seconds = Integer.getInteger("bench.seconds", 60);
  final long latencyMs = Long.getLong("bench.latency-ms", 1000);
  final int callers = Integer.getInteger("bench.callers", 200);
  final String war = System.getProperty("bench.war", PayaraMicro.requiredProperty("simulator.war"));

  final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();
  final Map<Integer, String> guids = new ConcurrentHashMap<>();
  final AtomicBoolean running = new AtomicBoolean(true);
  final AtomicLong answered = new AtomicLong();
  final AtomicLong events = new AtomicLong();
  final AtomicLong rotations = new AtomicLong();
  final AtomicLong refused = new AtomicLong();
  final AtomicLong transportErrors = new AtomicLong();
  final AtomicLong queries = new AtomicLong();
  final StringBuilder report = new StringBuilder();
  String base;

  @Test
  void threadsAndCpuWhileSessionsLongPoll() throws Exception {
    try (PayaraMicro server =
        PayaraMicro.builder()
            .deploy(Path.of(war), "agentgateway")
            .maxHeap("512m")
            .systemProperty("simulator.agents", Integer.toString(sessions + 10))
            .systemProperty("simulator.signed-in-elsewhere-share", "0")
            .readyWhen("/agentgateway/simulator/status")
            .start()) {
      base = server.baseUrl() + "/agentgateway";
      long pid = JvmProbe.pidOf(server.workDir());
      control(
          "PUT",
          "settings",
          "{\"authMode\":2,\"guidIntervalMs\":20000,\"guidTimeoutMs\":120000,"
              + "\"maxIdleMs\":120000,\"pollWaitMs\":10000,\"lbCookie\":false,\"nodes\":2}");
      line("war %s, %d sessions, rotation 20 s, expiry 120 s, poll wait 10 s", war, sessions);
      line("idle server: %s", sample(pid));
      signInAll();
      long before = answered.get();
      measure("phase 1: held polls only", pid);
      long phase1 = answered.get() - before;

      control("PUT", "faults", "{\"latencyMs\":" + latencyMs + "}");
      List<CompletableFuture<Void>> loops = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        loops.add(queryLoop(FIRST + (i % sessions)));
      }
      before = answered.get();
      measure(
          "phase 2: " + latencyMs + " ms latency on every call, " + callers + " query loops", pid);
      long phase2 = answered.get() - before;
      running.set(false);
      line(
          "polls answered %d + %d, events %d, Guid rotations %d, refused %d, transport errors %d,"
              + " custom-state queries %d",
          phase1,
          phase2,
          events.get(),
          rotations.get(),
          refused.get(),
          transportErrors.get(),
          queries.get());
      String stats = get("/simulator/stats");
      int refusals = stats.indexOf("\"staleGuidRefusals\"");
      line("simulator stale-Guid refusals: %s", refusals < 0 ? "n/a" : stats.substring(refusals));
      Files.writeString(Path.of("target", "held-polls-bench.txt"), report.toString());
      assertThat(refused.get()).isZero();
      assertThat(phase1).isPositive();
      assertThat(phase2).isPositive();
    }
  }

  /**
   * Samples threads and CPU every 2 s for the phase's duration and reports min/max and CPU share.
   */
  void measure(String phase, long pid) throws Exception {
    long[] start = JvmProbe.cpuAndThreads(pid);
    long startNanos = System.nanoTime();
    AtomicLong minThreads = new AtomicLong(Long.MAX_VALUE);
    AtomicLong maxThreads = new AtomicLong();
    ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    try {
      sampler
          .scheduleAtFixedRate(
              () -> {
                try {
                  long threads = JvmProbe.cpuAndThreads(pid)[1];
                  minThreads.accumulateAndGet(threads, Math::min);
                  maxThreads.accumulateAndGet(threads, Math::max);
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              },
              2,
              2,
              TimeUnit.SECONDS)
          .get(seconds, TimeUnit.SECONDS);
    } catch (TimeoutException endOfPhase) {
      // the phase lasts this long by design
    } finally {
      sampler.shutdownNow();
    }
    long[] end = JvmProbe.cpuAndThreads(pid);
    double wall = (System.nanoTime() - startNanos) / 1e9;
    double cpuSeconds = (end[0] - start[0]) / 100.0;
    line(
        "%s: threads %d..%d, CPU %.1f s in %.0f s = %.1f %% of one core; at the end %s",
        phase,
        minThreads.get(),
        maxThreads.get(),
        cpuSeconds,
        wall,
        100 * cpuSeconds / wall,
        JvmProbe.threadDump(pid));
  }

  String sample(long pid) throws IOException {
    long[] now = JvmProbe.cpuAndThreads(pid);
    return "threads " + now[1] + ", CPU so far " + now[0] / 100.0 + " s";
  }

  void signInAll() throws Exception {
    Semaphore permits = new Semaphore(16);
    List<CompletableFuture<?>> all = new ArrayList<>();
    long start = System.nanoTime();
    for (int agent = FIRST; agent < FIRST + sessions; agent++) {
      int a = agent;
      permits.acquire();
      all.add(
          http.sendAsync(
                  request("/resource/onlineagent/" + a, null)
                      .PUT(
                          HttpRequest.BodyPublishers.ofString(
                              "{\"password\":\"Sim#" + a + "\",\"phonenum\":\"7" + a + "\"}"))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .whenComplete(
                  (r, e) -> {
                    permits.release();
                    if (r != null) {
                      r.headers()
                          .firstValue("Set-GUID")
                          .ifPresent(v -> guids.put(a, v.substring("JSESSIONID=".length())));
                      poll(a);
                    }
                  }));
    }
    CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).get(5, TimeUnit.MINUTES);
    assertThat(guids).hasSize(sessions);
    line("%d sign-ins in %.1f s", sessions, (System.nanoTime() - start) / 1e9);
  }

  /** One poll chain, from the agent's sign-in on: poll, take a rotated Guid, poll again. */
  void poll(int agent) {
    http.sendAsync(
            request("/resource/agentevent/" + agent, guids.get(agent))
                .timeout(Duration.ofSeconds(120))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .whenComplete(
            (r, e) -> {
              if (e != null) {
                transportErrors.incrementAndGet();
              } else if (!r.body().contains("\"retcode\":\"0\"")) {
                if (refused.incrementAndGet() <= 3) {
                  line("refused poll of %d: HTTP %d %.200s", agent, r.statusCode(), r.body());
                }
                return;
              } else {
                answered.incrementAndGet();
                if (!r.body().contains("\"event\":null")) {
                  events.incrementAndGet();
                }
                r.headers()
                    .firstValue("Set-GUID")
                    .ifPresent(
                        v -> {
                          rotations.incrementAndGet();
                          guids.put(agent, v.substring("JSESSIONID=".length()));
                        });
              }
              if (running.get()) {
                poll(agent);
              }
            });
  }

  /** Queries the agent's custom state in a loop, one call at a time. */
  CompletableFuture<Void> queryLoop(int agent) {
    if (!running.get()) {
      return CompletableFuture.completedFuture(null);
    }
    return http.sendAsync(
            request("/resource/onlineagent/" + agent + "/querycustomstate", guids.get(agent))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString())
        .handle((r, e) -> r != null && r.statusCode() == 200)
        .thenCompose(
            ok -> {
              queries.incrementAndGet();
              return queryLoop(agent);
            });
  }

  HttpRequest.Builder request(String path, String guid) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path))
            .header("Content-Type", "application/json; charset=UTF-8");
    return guid == null ? builder : builder.header("guid", guid);
  }

  void control(String method, String path, String json) {
    send(
        HttpRequest.newBuilder(URI.create(base + "/simulator/" + path))
            .header("Content-Type", "application/json")
            .method(method, HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  String get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  String send(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString()).body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  synchronized void line(String format, Object... args) {
    String text = String.format(format, args);
    System.out.println("[held-polls] " + text);
    report.append(text).append('\n');
  }
}
