package io.statedesk.core.bulk;

import io.statedesk.core.Deployments;
import io.statedesk.core.testing.Control;
import io.statedesk.core.testing.SimulatorServer;
import io.statedesk.testkit.Http;
import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * What the bulk ITs share: one deployment (1,000 hosted agents 10001..11000 on the simulator in
 * AUTHMODE 2 with Guid rotation on) and small helpers. Added to each deployment as a class.
 */
final class BulkWorld {

  static final int FIRST = 10001;
  static final int HOSTED = 1000;

  private BulkWorld() {}

  static WebArchive deployment() {
    // runs in the client JVM: the simulator starts (or is shared) there, and starts clean;
    // AUTHMODE 2 with Guid rotation on, as the gateway runs
    Control.reset(2, 60_000, 120_000, 120_000, 5_000);
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
            "statedesk.sessions.hosted.force=true",
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
            "statedesk.schedule.tick-seconds=1"));
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

  /** Calls the simulator's control API at {@code control} (from inside the server). */
  static String control(String control, String method, String path, String json) throws Exception {
    java.net.http.HttpRequest request =
        java.net.http.HttpRequest.newBuilder(java.net.URI.create(control + "/" + path))
            .header("Content-Type", "application/json")
            .method(
                method,
                json == null
                    ? java.net.http.HttpRequest.BodyPublishers.noBody()
                    : java.net.http.HttpRequest.BodyPublishers.ofString(json))
            .build();
    java.net.http.HttpResponse<String> response =
        Http.client().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
    org.assertj.core.api.Assertions.assertThat(response.statusCode())
        .as(method + " " + path + ": " + response.body())
        .isLessThan(300);
    return response.body();
  }
}
