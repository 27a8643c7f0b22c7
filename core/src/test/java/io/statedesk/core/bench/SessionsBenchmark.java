package io.statedesk.core.bench;

import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.gateway.GatewayConfig;
import io.statedesk.core.gateway.GatewayException;
import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import io.statedesk.core.session.HostedSessionPool;
import io.statedesk.core.session.InMemorySessionStore;
import io.statedesk.core.session.SessionEntry;
import io.statedesk.testkit.PayaraMicro;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Holds N hosted sessions against the simulator with fast Guid rotation and prints threads, heap
 * and the share of sessions that stayed valid. A benchmark command, not a test: see
 * docs/src/benchmarks.md.
 *
 * <p>System properties: {@code bench.sessions} (default 1000), {@code bench.seconds} (default 90),
 * {@code bench.transport} ({@code jdk} or {@code jaxrs}).
 */
public final class SessionsBenchmark {

  private SessionsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int sessions = Integer.getInteger("bench.sessions", 1000);
    int seconds = Integer.getInteger("bench.seconds", 90);
    GatewayConfig.PollTransport transport =
        GatewayConfig.PollTransport.valueOf(
            System.getProperty("bench.transport", "jdk").toUpperCase());
    long interval = 10_000;
    long timeout = 20_000;
    System.out.printf(
        "Sessions benchmark: %d hosted sessions for %d s, Guid rotation every %d s (expiry %d s), poll transport %s%n",
        sessions, seconds, interval / 1000, timeout / 1000, transport);

    try (PayaraMicro simulator =
        PayaraMicro.builder()
            .deploy(Path.of(PayaraMicro.requiredProperty("simulator.war")), "agentgateway")
            .maxHeap("4g")
            .systemProperty("simulator.agents", Integer.toString(Math.max(sessions, 300)))
            .systemProperty("simulator.signed-in-elsewhere-share", "0")
            .systemProperty("simulator.activity-period-ms", "5000")
            .systemProperty("simulator.activity-share", "0.02")
            .systemProperty("simulator.auth-mode", "2")
            .systemProperty("simulator.guid-interval-ms", Long.toString(interval))
            .systemProperty("simulator.guid-timeout-ms", Long.toString(timeout))
            .systemProperty("simulator.max-idle-ms", "30000")
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
      InMemorySessionStore store = new InMemorySessionStore();
      GatewayClient client =
          new GatewayClient(
              GatewayConfig.of(simulator.baseUrl() + "/agentgateway/resource")
                  .withPollTransport(transport));
      HostedSessionPool pool =
          new HostedSessionPool(
              client,
              store,
              scheduler,
              new HostedSessionPool.Settings(
                  agents,
                  SignInMode.LOGINEX,
                  false,
                  2,
                  500,
                  Duration.ofMillis(300),
                  Duration.ofMillis(500),
                  Duration.ofSeconds(10),
                  Duration.ofSeconds(60),
                  false),
              id -> Optional.of("Sim#" + id),
              Clock.systemUTC());
      long start = System.nanoTime();
      pool.start();
      int peakThreads = 0;
      while ((System.nanoTime() - start) / 1_000_000_000L < seconds) {
        Thread.sleep(5_000);
        int threads = ManagementFactory.getThreadMXBean().getThreadCount();
        peakThreads = Math.max(peakThreads, threads);
        long usable = store.all().stream().filter(SessionEntry::isUsable).count();
        System.out.printf(
            "  t=%3ds  usable sessions %5d/%d  threads %4d%n",
            (System.nanoTime() - start) / 1_000_000_000L, usable, sessions, threads);
      }
      System.gc();
      long heapAfter = memory.getHeapMemoryUsage().getUsed();
      int valid = 0;
      for (int id : agents) {
        Optional<SessionEntry> entry = store.get(id);
        if (entry.isPresent() && entry.get().isUsable()) {
          try {
            client.queryCustomState(entry.get().handle().auth());
            valid++;
          } catch (GatewayException e) {
            // counted as not valid
          }
        }
      }
      pool.close();
      scheduler.shutdownNow();
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
          "  sessions valid at the end (a querycustomstate with the held Guid answered 0): %d/%d = %.1f %%%n",
          valid, sessions, 100.0 * valid / sessions);
    }
  }
}
