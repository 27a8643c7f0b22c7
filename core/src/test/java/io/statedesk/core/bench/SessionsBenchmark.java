package io.statedesk.core.bench;

import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.gateway.GatewayConfig;
import io.statedesk.core.gateway.GatewayException;
import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import io.statedesk.core.gateway.GatewayRejectedException;
import io.statedesk.core.session.HostedCredentials;
import io.statedesk.core.session.HostedSessionPool;
import io.statedesk.core.session.InMemorySessionStore;
import io.statedesk.core.session.PoolSettings;
import io.statedesk.core.session.PoolThreads;
import io.statedesk.core.session.PoolTimer;
import io.statedesk.core.session.SessionEntry;
import io.statedesk.core.session.SignInThrottle;
import io.statedesk.testkit.PayaraMicro;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;

/**
 * Holds N hosted sessions against the simulator with fast Guid rotation and prints threads, heap
 * and the share of sessions that stayed valid. A benchmark command, not a test: see
 * docs/src/benchmarks.md.
 *
 * <p>System properties: {@code bench.sessions} (default 1000), {@code bench.seconds} (default 90),
 * {@code bench.transport} ({@code jdk} or {@code jaxrs}), {@code bench.rotation-ms} (GUIDINTERVAL,
 * default 20000, three times the gateway's default pace; GUIDTIMEOUT is twice that). Keep the
 * interval well above the 10 s poll hold: a Guid that rotates at most once per poll answer can
 * reach its expiry between two answers when the two are about equal.
 */
public final class SessionsBenchmark {

  private SessionsBenchmark() {}

  /**
   * Why one method: it is the benchmark's script, read top to bottom as the run it prints; its
   * steps share the run's processes and figures.
   */
  public static void main(String[] args) throws Exception {
    int sessions = Integer.getInteger("bench.sessions", 1000);
    int seconds = Integer.getInteger("bench.seconds", 90);
    GatewayConfig.PollTransport transport =
        GatewayConfig.PollTransport.valueOf(
            System.getProperty("bench.transport", "jdk").toUpperCase());
    long interval = Long.getLong("bench.rotation-ms", 20_000);
    long timeout = 2 * interval;
    // the console's default sign-in rate unless told: the rate is what spreads the sessions'
    // rotations over time (10,000 at 500 a second came due within 40 s of each other)
    int signInRate = Integer.getInteger("bench.sign-in-rate", 50);
    System.out.printf(
        "Sessions benchmark: %d hosted sessions for %d s, Guid rotation every %d s (expiry %d s), poll transport %s, sign-ins at most %d a second%n",
        sessions, seconds, interval / 1000, timeout / 1000, transport, signInRate);

    try (PayaraMicro simulator =
        PayaraMicro.builder()
            .deploy(Path.of(PayaraMicro.requiredProperty("simulator.war")), "agentgateway")
            .maxHeap("4g")
            .productionSettings()
            .systemProperty("simulator.agents", Integer.toString(Math.max(sessions, 300)))
            .systemProperty("simulator.signed-in-elsewhere-share", "0")
            .systemProperty("simulator.activity-period-ms", "5000")
            .systemProperty("simulator.activity-share", "0.02")
            .systemProperty("simulator.auth-mode", "2")
            .systemProperty("simulator.guid-interval-ms", Long.toString(interval))
            .systemProperty("simulator.guid-timeout-ms", Long.toString(timeout))
            .systemProperty("simulator.max-idle-ms", Long.toString(timeout + 10_000))
            .systemProperty("simulator.poll-wait-ms", "10000")
            .readyWhen("/agentgateway/simulator/status")
            .start()) {
      MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
      int threadsBefore = ManagementFactory.getThreadMXBean().getThreadCount();
      System.gc();
      long heapBefore = memory.getHeapMemoryUsage().getUsed();

      Set<Integer> agents =
          IntStream.range(10001, 10001 + sessions).boxed().collect(Collectors.toSet());
      ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(4);
      // shut down at the end: its threads are not daemons and kept the JVM (and Maven) running
      ExecutorService signIns = Executors.newFixedThreadPool(4);
      InMemorySessionStore store = new InMemorySessionStore();
      GatewayClient client =
          new GatewayClient(
              GatewayConfig.of(simulator.baseUrl() + "/agentgateway/resource")
                  .withPollTransport(transport));
      HostedSessionPool pool =
          new HostedSessionPool(
              client,
              store,
              new PoolThreads(
                  PoolTimer.of(scheduler), signIns, SignInThrottle.perSecond(signInRate)),
              new PoolSettings(
                  agents,
                  SignInMode.LOGINEX,
                  false,
                  2,
                  signInRate,
                  Duration.ofMillis(300),
                  Duration.ofMillis(500),
                  Duration.ofSeconds(10),
                  Duration.ofSeconds(60),
                  Duration.ofSeconds(120),
                  Duration.ofSeconds(15),
                  false),
              HostedCredentials.patterns("Sim#{agent}", Optional.of("7{agent}")),
              Clock.systemUTC());
      long start = System.nanoTime();
      pool.start();
      Sampler sampler =
          new Sampler(
              store,
              client,
              simulator,
              sessions,
              new ArrayList<>(agents),
              cpuSeconds(ProcessHandle.current()),
              cpuSeconds(simulator.cpuTime()));
      // a sample every 5 s until the time is up: Awaitility as the clock, no fixed sleep
      Awaitility.await()
          .pollInSameThread()
          .pollDelay(Duration.ofSeconds(5))
          .pollInterval(Duration.ofSeconds(5))
          .atMost(Duration.ofSeconds(seconds + 60L))
          .until(() -> sampler.tick((System.nanoTime() - start) / 1_000_000_000L) >= seconds);
      int peakThreads = sampler.peakThreads;
      long allSignedInAt = sampler.allSignedInAt;
      int minUsableAfter = sampler.minUsableAfter;
      long sampled = sampler.sampled;
      long sampledValid = sampler.sampledValid;
      double lastConsoleCpu = sampler.lastConsoleCpu;
      double lastSimulatorCpu = sampler.lastSimulatorCpu;
      double consoleCpuStart = sampler.consoleCpuStart;
      double simulatorCpuStart = sampler.simulatorCpuStart;
      double runSeconds = (System.nanoTime() - start) / 1e9;
      double poolCpu = lastConsoleCpu - consoleCpuStart;
      double simCpu = lastSimulatorCpu - simulatorCpuStart;
      System.gc();
      long heapAfter = memory.getHeapMemoryUsage().getUsed();
      pool.close();
      scheduler.shutdownNow();
      signIns.shutdownNow();
      scheduler.awaitTermination(10, TimeUnit.SECONDS);
      client.close();
      System.out.println();
      System.out.printf(
          "RESULT sessions=%d seconds=%d transport=%s%n", sessions, seconds, transport);
      System.out.printf(
          "  threads: %d before, %d at peak (+%d for %d sessions)%n",
          threadsBefore, peakThreads, peakThreads - threadsBefore, sessions);
      System.out.printf(
          "  heap used after GC: %.1f MiB before, %.1f MiB with the sessions (%.1f KiB per session)%n",
          heapBefore / 1048576.0,
          heapAfter / 1048576.0,
          (heapAfter - heapBefore) / 1024.0 / sessions);
      System.out.printf(
          "  at least 99.9 %% of the %d sessions signed in after %d s%n", sessions, allSignedInAt);
      System.out.printf(
          "  CPU over the run (%d cores): pool (this JVM) %.0f s = %.0f %% of one core,"
              + " simulator %.0f s = %.0f %% of one core%n",
          Runtime.getRuntime().availableProcessors(),
          poolCpu,
          100 * poolCpu / runSeconds,
          simCpu,
          100 * simCpu / runSeconds);
      System.out.printf(
          "  lowest share of usable sessions after that: %.1f %%%n",
          100.0 * minUsableAfter / sessions);
      System.out.printf(
          "  sessions that stayed valid (random held Guids answered 0 by querycustomstate): %d/%d = %.2f %%%n",
          sampledValid, sampled, sampled == 0 ? 0.0 : 100.0 * sampledValid / sampled);
    }
  }

  private static double cpuSeconds(ProcessHandle process) {
    return cpuSeconds(process.info().totalCpuDuration().orElse(Duration.ZERO));
  }

  private static double cpuSeconds(Duration cpu) {
    return cpu.toMillis() / 1000.0;
  }

  /** What the run's samples found so far: one {@link #tick} every 5 s. */
  private static final class Sampler {
    private final InMemorySessionStore store;
    private final GatewayClient client;
    private final PayaraMicro simulator;
    private final int sessions;
    private final List<Integer> ids;
    private final Random random = new Random(7);
    private final double consoleCpuStart;
    private final double simulatorCpuStart;
    private int peakThreads;
    private long allSignedInAt = -1;
    private int minUsableAfter = Integer.MAX_VALUE;
    private long sampled;
    private long sampledValid;
    private double lastConsoleCpu;
    private double lastSimulatorCpu;

    Sampler(
        InMemorySessionStore store,
        GatewayClient client,
        PayaraMicro simulator,
        int sessions,
        List<Integer> ids,
        double consoleCpu,
        double simulatorCpu) {
      this.store = store;
      this.client = client;
      this.simulator = simulator;
      this.sessions = sessions;
      this.ids = ids;
      this.consoleCpuStart = consoleCpu;
      this.simulatorCpuStart = simulatorCpu;
      this.lastConsoleCpu = consoleCpu;
      this.lastSimulatorCpu = simulatorCpu;
    }

    /**
     * Samples threads, usable sessions and 200 random Guids at the gateway, and prints the line.
     *
     * @return {@code elapsed}, for the caller's "time is up"
     */
    long tick(long elapsed) {
      int threads = ManagementFactory.getThreadMXBean().getThreadCount();
      peakThreads = Math.max(peakThreads, threads);
      int usable = (int) store.all().stream().filter(SessionEntry::isUsable).count();
      // 99.9 %: one agent whose sign-in the simulator keeps refusing must not stop the sampling
      if (allSignedInAt < 0 && usable >= sessions - sessions / 1000) {
        allSignedInAt = elapsed;
      }
      if (allSignedInAt >= 0) {
        minUsableAfter = Math.min(minUsableAfter, usable);
      }
      int tickValid = 0;
      int refused = 0;
      int unanswered = 0;
      long slowestNanos = 0;
      for (int i = 0; i < 200 && allSignedInAt >= 0; i++) {
        Optional<SessionEntry> entry = store.get(ids.get(random.nextInt(ids.size())));
        sampled++;
        if (entry.isPresent() && entry.get().isUsable()) {
          long callStart = System.nanoTime();
          try {
            client.queryCustomState(entry.get().handle().auth());
            sampledValid++;
            tickValid++;
          } catch (GatewayRejectedException e) {
            refused++; // the held Guid was refused: not valid
          } catch (GatewayException e) {
            unanswered++; // timed out or failed: the stand-in or this JVM too slow
          }
          slowestNanos = Math.max(slowestNanos, System.nanoTime() - callStart);
        }
      }
      double consoleCpu = cpuSeconds(ProcessHandle.current()) - lastConsoleCpu;
      double simulatorCpu = cpuSeconds(simulator.cpuTime()) - lastSimulatorCpu;
      lastConsoleCpu += consoleCpu;
      lastSimulatorCpu += simulatorCpu;
      System.out.printf(
          "  t=%3ds  usable sessions %5d/%d  threads %4d  sampled Guids accepted %3d/200"
              + " (refused %d, unanswered %d, slowest %4d ms)  CPU of the last 5 s: pool %3.0f %%,"
              + " simulator %3.0f %%%n",
          elapsed,
          usable,
          sessions,
          threads,
          allSignedInAt < 0 ? 0 : tickValid,
          refused,
          unanswered,
          slowestNanos / 1_000_000,
          100 * consoleCpu / 5,
          100 * simulatorCpu / 5);
      return elapsed;
    }
  }
}
