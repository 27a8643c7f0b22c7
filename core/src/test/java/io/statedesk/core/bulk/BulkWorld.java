package io.statedesk.core.bulk;

import io.statedesk.core.Deployments;
import io.statedesk.core.directory.DirectoryEntry;
import io.statedesk.core.directory.DirectoryImport;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.security.Role;
import io.statedesk.core.session.AgentSessions;
import io.statedesk.core.session.Availability;
import io.statedesk.core.testing.Control;
import io.statedesk.core.testing.SimulatorServer;
import io.statedesk.core.testsupport.TestCaller;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.IntStream;
import org.assertj.core.api.Assertions;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the bulk ITs share: one deployment (1,000 hosted agents 10001..11000 on the simulator in
 * AUTHMODE 2 with Guid rotation on) and small helpers. Added to each deployment as a class.
 */
final class BulkWorld {

  static final int FIRST = 10001;
  static final int HOSTED = 1000;

  /**
   * HTTP/1.1 as testkit's {@code Http} (see its Javadoc), built here: {@link #call} runs inside the
   * deployment, which carries no testkit.
   */
  private static final HttpClient HTTP =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(10))
          .build();

  private BulkWorld() {}

  static WebArchive deployment() {
    return deployment(List.of());
  }

  /** The deployment with {@code more} settings, which win over the shared ones they repeat. */
  static WebArchive deployment(List<String> more) {
    // runs in the client JVM: the simulator starts (or is shared) there, and starts clean;
    // AUTHMODE 2 with Guid rotation on and the gateway's 10 s poll hold, as the gateway runs (a
    // 5 s hold, used before, doubled the polls of 1,000 agents for nothing: an event or a due
    // rotation answers a held poll at once either way)
    Control.reset(2, 60_000, 120_000, 120_000, 10_000);
    return Deployments.core(
        String.join(
            "\n",
            "statedesk.demo.enabled=true",
            "statedesk.gateway.url=" + SimulatorServer.gatewayUrl(),
            "test.simulator.control=" + SimulatorServer.controlUrl(),
            "statedesk.sessions.hosted.enabled=true",
            "statedesk.sessions.hosted.agents=10001-11000",
            "statedesk.sessions.hosted.password-pattern=Sim#{agent}",
            "statedesk.sessions.hosted.phonenum-pattern=7{agent}",
            "statedesk.sessions.hosted.sign-in-rate=400",
            // force off, the default: an agent another desktop holds is left alone
            "statedesk.sessions.hosted.force=false",
            // stop at once: signing 1,000 agents out one by one would hold up the next test's
            // server
            "statedesk.sessions.hosted.sign-out-on-stop=false",
            "statedesk.bulk.breaker.failures=10",
            "statedesk.bulk.breaker.delay-ms=1000",
            "statedesk.bulk.backoff-base-ms=50",
            "statedesk.bulk.backoff-cap-ms=400",
            "statedesk.bulk.confirm-above=500",
            "statedesk.bulk.resume-delay-seconds=1",
            "statedesk.bulk.lease-seconds=6",
            "statedesk.bulk.reconcile-wait-seconds=10",
            // a short background read-back so that drift shows within seconds
            "statedesk.desired.check-period-seconds=2",
            "statedesk.desired.check-rate=1000",
            "statedesk.schedule.tick-seconds=1",
            String.join("\n", more)));
  }

  /** Whether this server's directory and sessions are there (one server per test class). */
  private static boolean ready;

  /**
   * Before each test: the caller is an admin, the simulator has no faults, and the agents are in
   * the directory with their sessions ({@link #agents}, once per server).
   */
  static void prepare(
      String control, DirectoryImport directoryImport, AgentSessions sessions, int agents)
      throws Exception {
    TestCaller.as("admin", Role.ADMIN);
    control(control, "DELETE", "faults", null);
    if (!ready) {
      agents(directoryImport, sessions, agents);
      ready = true;
    }
  }

  /**
   * Agents {@link #FIRST} on, {@code agents} of them, in the directory (odd ids in Billing, even in
   * Sales), and waits until the hosted ones (the first {@link #HOSTED}) have their sessions.
   */
  static void agents(DirectoryImport directoryImport, AgentSessions sessions, int agents) {
    List<DirectoryEntry> entries = new ArrayList<>();
    for (int id = FIRST; id < FIRST + agents; id++) {
      entries.add(
          new DirectoryEntry(
              id,
              "Agent " + id,
              id % 2 == 1 ? "Billing" : "Sales",
              List.of(),
              GatewayState.IDLE,
              null));
    }
    directoryImport.replaceFromGateway(entries, "test");
    await(() -> sessions.counts().get(Availability.HOSTED) >= HOSTED, 90, "hosted sessions");
  }

  /**
   * A change of {@code total} agents setting code 120, as another console leaves it: running, its
   * lease held by {@code leaseOwner} until {@code leaseUntil}. Its outcomes are the caller's.
   */
  static BulkChange runningChange(String leaseOwner, Instant leaseUntil, int total) {
    Instant now = Instant.now();
    BulkChange change =
        new BulkChange(
            "admin",
            now,
            ChangeKind.NEW,
            null,
            ChangeAction.SET,
            120,
            "Back office",
            "#123456",
            null,
            null,
            true,
            total);
    change.lease(leaseOwner, leaseUntil);
    change.status(ChangeStatus.RUNNING, null, now);
    return change;
  }

  static List<Integer> range(int first, int count) {
    return IntStream.range(first, first + count).boxed().toList();
  }

  static void await(BooleanSupplier condition, int seconds, String what) {
    // in the test's own thread: the condition calls services as the test's caller
    Awaitility.await(what)
        .pollInSameThread()
        .atMost(Duration.ofSeconds(seconds))
        .pollInterval(Duration.ofMillis(100))
        .until(condition::getAsBoolean);
  }

  /**
   * Like {@link #await(BooleanSupplier, int, String)}, and a timeout says what {@code state} reads
   * then (a schedule's status and detail, say), which the server's log, not kept for these tests,
   * would otherwise be the only place to find.
   */
  static void await(BooleanSupplier condition, int seconds, String what, Supplier<?> state) {
    try {
      await(condition, seconds, what);
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "; then: " + state.get(), e);
    }
  }

  /** Calls the simulator's control API at {@code control} (from inside the server). */
  static String control(String control, String method, String path, String json) throws Exception {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create(control + "/" + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build();
    HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    Assertions.assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isLessThan(300);
    return response.body();
  }
}
