package io.statedesk.web.bench;

import io.statedesk.testkit.JsonFields;
import io.statedesk.testkit.PayaraMicro;
import io.statedesk.testkit.SimulatorControl;
import io.statedesk.testkit.ThreadCpu;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Runs bulk changes over N agents through the whole console (REST API, engine, database, gateway
 * client) against the simulator with a fixed latency on every gateway call a change makes, and
 * prints, per run: elapsed time, the ratio to the ideal {@code agents x calls x latency /
 * concurrency}, where each call's time goes (the simulator alone, the console's gateway client, the
 * engine) and the CPU each JVM used. A benchmark command, not a test: see docs/src/benchmarks.md.
 *
 * <p>The simulator runs in a JVM of its own, so that its CPU is reported apart from the console's
 * and it answers delayed calls from a timer, not a thread per call. Sessions are signed in at the
 * simulator by the benchmark and relayed to the console (so the console holds no polls and its CPU
 * is the change's alone), in the gateway's default AUTHMODE 2; the Guid rotation interval is longer
 * than the run, because a relayed session in AUTHMODE 2 follows rotations only if its relay client
 * polls, and 10,000 polls from this JVM would share the two cores with what is measured.
 *
 * <p>System properties: {@code bench.agents} (default 10000), {@code bench.latency-ms} (50), {@code
 * bench.concurrency} (a comma-separated list, default 64: the console is restarted for each, the
 * simulator and its sessions are kept; {@code 1:200} runs concurrency 1 over the first 200 agents
 * only), {@code bench.verify} ({@code off}, {@code on} or {@code off,on}: one change each, in that
 * order), {@code bench.faults} (JSON members added to the fault configuration for one more change
 * per level, read-back on, e.g. {@code "failureShare":0.02,"failureRetcodes":["100-007"]}).
 *
 * <p>Over 300 lines because one benchmark command is one file a reader follows from top to bottom
 * (start, sign in, relay, change, figures); its HTTP plumbing is in {@link BenchHttp}.
 *
 * <p>Why one class of this length: it is one benchmark command, whose steps share its settings, its
 * processes and the figures it prints.
 */
public final class BulkBenchmark {

  private BulkBenchmark() {}

  /**
   * The latency of the warm-up changes. Why not 0: the stand-in answers an undelayed call on the
   * request's own thread, and a delayed one from its timer (another code path in the stand-in and
   * its server, Jersey's resume from a foreign thread and Grizzly's write after it). Warm-ups
   * without latency left that path to the interpreter until the measured change, which then
   * measured a stand-in still compiling; 1 ms runs the same path as the measured 50 ms.
   */
  private static final long WARM_UP_LATENCY_MS = 1;

  /**
   * Runs the levels and prints the table. Longer than 60 lines because it reads the properties and
   * keeps the simulator and its sessions across the consoles of every level in one place.
   *
   * <p>Why one method: it is the benchmark's script, read top to bottom as the run it prints; its
   * steps share the run's processes and figures.
   */
  public static void main(String[] args) throws Exception {
    int agents = Integer.getInteger("bench.agents", 10_000);
    long latency = Long.getLong("bench.latency-ms", 50);
    List<int[]> levels = // {concurrency, agents}
        Arrays.stream(System.getProperty("bench.concurrency", "64").split(","))
            .map(String::trim)
            .map(l -> l.split(":"))
            .map(l -> new int[] {Integer.parseInt(l[0]), l.length > 1 ? Integer.parseInt(l[1]) : 0})
            .toList();
    for (int[] level : levels) {
      level[1] = level[1] == 0 ? agents : Math.min(level[1], agents);
    }
    List<Boolean> verifies =
        Arrays.stream(System.getProperty("bench.verify", "off").split(","))
            .map(String::trim)
            .map(v -> v.equals("on") || v.equals("true"))
            .toList();
    String extraFaults = System.getProperty("bench.faults", "").trim();
    System.out.printf(
        "Bulk benchmark: %d agents (relayed sessions, AUTHMODE 2), latency %d ms on each call,"
            + " concurrency %s, read-back %s, then with faults {%s}, %d cores%n",
        agents,
        latency,
        levels.stream().map(l -> l[0] + " (" + l[1] + " agents)").toList(),
        verifies,
        extraFaults,
        Runtime.getRuntime().availableProcessors());
    try (PayaraMicro simulator = startSimulator(agents)) {
      Map<Integer, String[]> sessions = signIn(simulator.baseUrl(), agents);
      List<String> rows = new ArrayList<>();
      int code = 100;
      for (int[] level : levels) {
        int concurrency = level[0];
        try (PayaraMicro console = startConsole(simulator.baseUrl(), agents, concurrency)) {
          relay(console.baseUrl(), sessions);
          // JIT and pools warm: a fresh console compiles its whole path for minutes, and a change
          // measured meanwhile measures the compiler (at concurrency 64, after ten warm-up changes
          // of 1,000 agents, C2 still compiled the gateway client's and H2's hottest methods for
          // the first time: 7 s of the JIT's CPU in a 17 s change, ratio 2.18; after 40, 1.4 s and
          // 1.21, benchmarks.md). So changes of up to 1,000 agents until the JIT's CPU in the last
          // one of each read-back setting is at most a quarter of the console's own, and at least
          // 1,000 agents' calls; at most 60 changes, the count printed
          int warmUpAgents = Math.min(level[1], 1000);
          int atLeast = (999 + warmUpAgents) / warmUpAgents;
          int warmUps = 0;
          // read-back off and on in turn, as the measured changes run, until each settled once in
          // a row: warmed with read-back on only, the console compiled what only read-back off
          // runs during that measured change (2.8 s of JIT in an 8.6 s change after 45 warm-ups)
          for (int settled = 0;
              warmUps < 60 && (warmUps < atLeast || settled < verifies.size());
              warmUps++) {
            boolean warmVerify = verifies.get(warmUps % verifies.size());
            System.out.printf(
                "Warm-up change (latency %d ms, read-back %s), not counted:%n",
                WARM_UP_LATENCY_MS, warmVerify ? "on" : "off");
            Figures last =
                runChange(
                    console,
                    simulator,
                    warmUpAgents,
                    WARM_UP_LATENCY_MS,
                    concurrency,
                    warmVerify,
                    140 + warmUps % 2, // a new target each time: nothing is skipped
                    Double.NaN,
                    "");
            settled = last.jitS() <= last.consoleCpuS() / 4 ? settled + 1 : 0;
          }
          System.out.printf(
              "%d warm-up changes of %d agents before the measured ones%n", warmUps, warmUpAgents);
          // the stand-in measured as warm as the measured changes find it: after the warm-ups
          double direct = BenchHttp.probe(simulator.baseUrl(), sessions, latency);
          System.out.printf(
              "Simulator alone: setcustomstate answered in %.1f ms on average (latency %d ms),"
                  + " one call at a time over one kept-alive connection%n",
              direct, latency);
          idleCpu = idleCpu(console);
          for (boolean verify : verifies) {
            code = code == 100 ? 111 : 100; // a new target each time: nothing is skipped
            rows.add(
                runChange(
                        console,
                        simulator,
                        level[1],
                        latency,
                        concurrency,
                        verify,
                        code,
                        direct,
                        "")
                    .row());
            checkAtSimulator(simulator, level[1], code);
          }
          if (!extraFaults.isEmpty()) {
            code = code == 100 ? 111 : 100;
            rows.add(
                runChange(
                        console,
                        simulator,
                        level[1],
                        latency,
                        concurrency,
                        true,
                        code,
                        direct,
                        extraFaults)
                    .row());
            checkAtSimulator(simulator, level[1], code);
          }
        }
      }
      System.out.println();
      System.out.println(
          "| agents | concurrency | read-back | elapsed | ideal | ratio | per call: slot / client"
              + " / simulator alone | console CPU (JIT apart) | simulator CPU | console CPU ms per agent,"
              + " idle subtracted |");
      System.out.println("|---|---|---|---|---|---|---|---|---|---|");
      rows.forEach(System.out::println);
    }
  }

  /**
   * Reads a measured change's result back at the simulator: up to 500 of its agents, evenly spaced,
   * must hold {@code code} there, or the benchmark fails. Why: a change's figures mean nothing if
   * the gateway did not take what the console counted as succeeded; the tests end the same way.
   */
  private static void checkAtSimulator(PayaraMicro simulator, int agents, int code) {
    SimulatorControl control = SimulatorControl.at(simulator.baseUrl());
    int step = Math.max(1, agents / 500);
    int checked = 0;
    List<Integer> other = new ArrayList<>();
    for (int i = 0; i < agents; i += step) {
      int agent = 10_001 + i;
      checked++;
      if (JsonFields.number(control.agent(agent), "customState") != code) {
        other.add(agent);
      }
    }
    System.out.printf(
        "At the simulator: %d of %d sampled agents hold %d%n",
        checked - other.size(), checked, code);
    if (!other.isEmpty()) {
      throw new IllegalStateException(
          other.size()
              + " sampled agent(s) do not hold "
              + code
              + " at the simulator, e.g. "
              + other.subList(0, Math.min(10, other.size())));
    }
  }

  /** The console's CPU seconds per second with no change running (timers, sweeps, sessions). */
  private static double idleCpu = 0;

  private static double idleCpu(PayaraMicro console) throws InterruptedException {
    Duration before = appCpu(console);
    // the console left alone for a 10-second window: its CPU sampled again at the window's end
    ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
    Duration after;
    try {
      after = clock.schedule(() -> appCpu(console), 10, TimeUnit.SECONDS).get();
    } catch (ExecutionException e) {
      throw new IllegalStateException("the console's CPU could not be read", e.getCause());
    } finally {
      clock.shutdownNow();
    }
    double perSecond = (after.toMillis() - before.toMillis()) / 10_000.0;
    System.out.printf(
        "Console idle for 10 s: %.0f ms of CPU per second without the JIT's (subtracted below)%n",
        perSecond * 1000);
    return perSecond;
  }

  /**
   * The console JVM's CPU time without its JIT compiler threads': a fresh JVM compiles for minutes,
   * and that is not what a change costs a console that has been running (the JIT's share is printed
   * apart).
   */
  private static Duration appCpu(PayaraMicro console) {
    return console.cpuTime().minus(ThreadCpu.jit(console.pid()));
  }

  private static PayaraMicro startSimulator(int agents) {
    long hour = 3_600_000;
    return PayaraMicro.builder()
        .maxHeap("2g")
        .productionSettings()
        .startupTimeout(Duration.ofMinutes(5))
        .deploy(Path.of(PayaraMicro.requiredProperty("simulator.war")), "agentgateway")
        .systemProperty("simulator.auth-mode", "2")
        .systemProperty("simulator.guid-interval-ms", Long.toString(hour))
        .systemProperty("simulator.guid-timeout-ms", Long.toString(2 * hour))
        .systemProperty("simulator.max-idle-ms", Long.toString(2 * hour))
        .systemProperty("simulator.agents", Integer.toString(agents))
        .systemProperty("simulator.signed-in-elsewhere-share", "0")
        .systemProperty("simulator.activity-period-ms", "0")
        .readyWhen("/agentgateway/simulator/status")
        .start();
  }

  private static PayaraMicro startConsole(String gateway, int agents, int concurrency)
      throws Exception {
    long bootStart = System.nanoTime();
    PayaraMicro.Builder builder =
        PayaraMicro.builder()
            .maxHeap("3g")
            .productionSettings()
            .startupTimeout(Duration.ofMinutes(5))
            .deploy(Path.of(PayaraMicro.requiredProperty("console.war")), "statedesk")
            .systemProperty("statedesk.demo.enabled", "true")
            .systemProperty("statedesk.api.basic-auth", "true")
            .systemProperty("statedesk.gateway.url", gateway + "/agentgateway/resource")
            .systemProperty("statedesk.gateway.auth-mode", "2")
            .systemProperty("statedesk.directory.sync-enabled", "true")
            .systemProperty("statedesk.directory.account", "999001")
            .systemProperty("statedesk.directory.password", "Sim#999001")
            .systemProperty("statedesk.directory.phonenum", "7999001")
            .systemProperty("statedesk.sessions.relay.guid-timeout-seconds", "7200")
            .systemProperty("statedesk.bulk.concurrency", Integer.toString(concurrency))
            .systemProperty("statedesk.bulk.confirm-above", "1000000")
            .readyWhen("/statedesk/login.xhtml");
    // -Dbench.console-jvm="-XX:StartFlightRecording=..." profiles the console (benchmarks.md)
    for (String option : System.getProperty("bench.console-jvm", "").trim().split("\\s+")) {
      if (!option.isEmpty()) {
        builder.jvmOption(option);
      }
    }
    PayaraMicro console = builder.start();
    String base = console.baseUrl();
    AtomicLong known = new AtomicLong();
    try {
      Awaitility.await()
          .pollInSameThread()
          .pollInterval(Duration.ofSeconds(2))
          .atMost(Duration.ofMinutes(5))
          .until(
              () -> {
                try { // the console syncs its directory at start
                  known.set(
                      JsonFields.number(
                          BenchHttp.admin("GET", base + "/statedesk/api/agents?max=1", null),
                          "total"));
                } catch (IOException | AssertionError e) { // not up yet, or not JSON yet
                  System.out.println("waiting: " + e.getMessage());
                }
                return known.get() >= agents;
              });
    } catch (ConditionTimeoutException e) {
      System.out.println("the directory is still incomplete after 5 min: measuring anyway");
    }
    System.out.printf(
        "Console (concurrency %d) ready after %.0f s: %d agents in its directory%n",
        concurrency, (System.nanoTime() - bootStart) / 1e9, known.get());
    return console;
  }

  /** Signs every agent in at the simulator once: {agent: [guid, cookie]}. */
  private static Map<Integer, String[]> signIn(String simulator, int agents) throws Exception {
    long start = System.nanoTime();
    Map<Integer, String[]> sessions = new ConcurrentHashMap<>();
    parallel(agents, agent -> sessions.put(agent, BenchHttp.signIn(simulator, agent)));
    System.out.printf(
        "%d agents signed in at the simulator in %.0f s%n",
        sessions.size(), (System.nanoTime() - start) / 1e9);
    return sessions;
  }

  private static void relay(String console, Map<Integer, String[]> sessions) throws Exception {
    long start = System.nanoTime();
    String token =
        JsonFields.text(
            BenchHttp.admin(
                "POST", console + "/statedesk/api/relay-clients", "{\"name\":\"benchmark\"}"),
            "token");
    parallel(sessions.size(), agent -> BenchHttp.relay(console, token, agent, sessions.get(agent)));
    System.out.printf(
        "%d sessions relayed to the console in %.0f s%n",
        sessions.size(), (System.nanoTime() - start) / 1e9);
  }

  private interface AgentTask {
    void run(int agent) throws Exception;
  }

  private static void parallel(int agents, AgentTask task) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(16);
    try {
      List<Future<?>> jobs = new ArrayList<>();
      for (int i = 0; i < agents; i++) {
        int agent = 10_001 + i;
        jobs.add(
            pool.submit(
                () -> {
                  task.run(agent);
                  return null;
                }));
      }
      for (Future<?> job : jobs) {
        job.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  /**
   * What one change cost.
   *
   * @param row the change's row of the printed table
   * @param consoleCpuS the console's CPU seconds during the change, its JIT's apart
   * @param jitS the console's JIT compiler threads' CPU seconds during the change
   */
  private record Figures(String row, double consoleCpuS, double jitS) {}

  /**
   * One change over all agents; prints its figures and returns them with its table row. Why this
   * long: it reads the clocks, CPU times and metrics before and after in one place, so that they
   * cover the same span.
   */
  private static Figures runChange(
      PayaraMicro console,
      PayaraMicro simulator,
      int agents,
      long latency,
      int concurrency,
      boolean verify,
      int code,
      double direct,
      String extraFaults)
      throws Exception {
    String base = console.baseUrl();
    BenchHttp.admin(
        "PUT",
        simulator.baseUrl() + "/agentgateway/simulator/faults",
        "{\"latencyMs\":"
            + latency
            + ",\"operations\":[\"setCustomState\",\"queryCustomState\"]"
            + (extraFaults.isEmpty() ? "" : "," + extraFaults)
            + "}");
    StringBuilder ids = new StringBuilder();
    for (int i = 0; i < agents; i++) {
      ids.append(i == 0 ? "" : ",").append(10_001 + i);
    }
    String metricsUrl = base + "/statedesk/api/metrics";
    BenchHttp.CallTimes setBefore =
        BenchHttp.callTimes(BenchHttp.admin("GET", metricsUrl, null), "setCustomState");
    BenchHttp.CallTimes queryBefore =
        BenchHttp.callTimes(BenchHttp.admin("GET", metricsUrl, null), "queryCustomState");
    Duration consoleCpu = appCpu(console);
    Duration consoleJit = ThreadCpu.jit(console.pid());
    Duration simulatorCpu = simulator.cpuTime();
    String made =
        BenchHttp.admin(
            "POST",
            base + "/statedesk/api/changes",
            "{\"agents\":[" + ids + "],\"code\":" + code + ",\"verify\":" + verify + "}");
    long id = JsonFields.number(made, "id");
    AtomicReference<String> last = new AtomicReference<>();
    Awaitility.await()
        .pollInSameThread()
        .pollDelay(Duration.ofSeconds(1))
        // rarely: each look counts the change's outcomes in the console's CPU
        .pollInterval(Duration.ofSeconds(1))
        .atMost(Duration.ofMinutes(30))
        .until(
            () -> {
              last.set(BenchHttp.admin("GET", base + "/statedesk/api/changes/" + id, null));
              return Set.of("COMPLETED", "CANCELLED", "INTERRUPTED")
                  .contains(JsonFields.text(last.get(), "status"));
            });
    String done = last.get();
    double consoleCpuS = (appCpu(console).toMillis() - consoleCpu.toMillis()) / 1000.0;
    double jitS = (ThreadCpu.jit(console.pid()).toMillis() - consoleJit.toMillis()) / 1000.0;
    double simulatorCpuS = (simulator.cpuTime().toMillis() - simulatorCpu.toMillis()) / 1000.0;
    String metrics = BenchHttp.admin("GET", metricsUrl, null);
    BenchHttp.CallTimes set = BenchHttp.callTimes(metrics, "setCustomState").minus(setBefore);
    BenchHttp.CallTimes query = BenchHttp.callTimes(metrics, "queryCustomState").minus(queryBefore);
    BenchHttp.admin("DELETE", simulator.baseUrl() + "/agentgateway/simulator/faults", null);

    Instant started = Instant.parse(JsonFields.text(done, "startedAt"));
    Instant finished = Instant.parse(JsonFields.text(done, "finishedAt"));
    double seconds = Duration.between(started, finished).toMillis() / 1000.0;
    long total = JsonFields.number(done, "total");
    // the ideal counts the calls a change needs (1 or 2 per agent); the client's mean covers every
    // call it made meanwhile, retries and the desired-state check's read-backs included
    long calls = total * (verify ? 2 : 1);
    double ideal = calls * latency / 1000.0 / concurrency;
    double slot = seconds * 1000 * concurrency / Math.max(1, calls);
    double client =
        (set.seconds() + query.seconds()) * 1000 / Math.max(1, set.count() + query.count());
    double cpuPerAgent = (consoleCpuS - idleCpu * seconds) * 1000 / Math.max(1, total);
    System.out.printf("Change %d: %s%n", id, JsonFields.text(done, "statusDetail"));
    System.out.printf(
        "Elapsed %.1f s for %d agents, %d gateway calls (%.0f/s); ideal calls x latency /"
            + " concurrency = %.1f s; ratio %.3f%n",
        seconds, total, calls, calls / seconds, ideal, seconds / ideal);
    System.out.printf(
        "Per call: %.1f ms of a worker's time = %.1f ms in the gateway client (simulator alone"
            + " %.1f ms, so %.1f ms in the client and the network) + %.1f ms in the engine%n",
        slot, client, direct, client - direct, slot - client);
    System.out.printf(
        "CPU: console %.1f s without its JIT's %.1f s (%.0f %% of %d cores, %.2f ms per agent net"
            + " of idle), simulator %.1f s (%.0f %%)%n",
        consoleCpuS,
        jitS,
        100 * consoleCpuS / seconds / Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().availableProcessors(),
        cpuPerAgent,
        simulatorCpuS,
        100 * simulatorCpuS / seconds / Runtime.getRuntime().availableProcessors());
    String row =
        String.format(
            "| %,d | %d | %s | %.1f s | %.1f s | %.3f | %.1f / %.1f / %.1f ms | %.1f s | %.1f s | %.2f |",
            total,
            concurrency,
            (verify ? "on" : "off")
                + (extraFaults.isEmpty() ? "" : ", faults {" + extraFaults + "}"),
            seconds,
            ideal,
            seconds / ideal,
            slot,
            client,
            direct,
            consoleCpuS,
            simulatorCpuS,
            cpuPerAgent);
    return new Figures(row, consoleCpuS, jitS);
  }

  static void check(HttpResponse<String> r, String what) {
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(what + ": HTTP " + r.statusCode() + " " + r.body());
    }
  }
}
