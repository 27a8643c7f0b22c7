package io.statedesk.core.system;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statedesk.core.gateway.RetcodeClass;
import io.statedesk.core.gateway.Retcodes;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The console's metrics, in Prometheus text format at {@code /api/metrics} (admins only).
 *
 * <p>Why Micrometer inside the application rather than the server's MicroProfile Metrics: Payara
 * has MicroProfile Metrics, WildFly 39 has none (it offers Micrometer as a subsystem of its own),
 * and the EAR must deploy unchanged and report the same figures on both. Micrometer is the
 * well-kept library for this; its Prometheus registry writes the text format.
 *
 * <ul>
 *   <li>{@code statedesk_gateway_calls_seconds{operation,result}}: every gateway call, with count,
 *       sum and latency buckets; {@code result} is {@code success}, the retcode class of a refusal
 *       ({@code stale_session}, {@code invalid_request}, {@code agent_state}, {@code transient},
 *       {@code unknown}), {@code http_4xx}/{@code http_5xx}, {@code bad_response} or {@code
 *       unreachable}.
 *   <li>{@code statedesk_bulk_agents_total{outcome}}: agents finished by bulk changes.
 *   <li>{@code statedesk_bulk_changes_running}: changes running on this instance.
 *   <li>{@code statedesk_bulk_agents_per_second}: agents finished per second, over the last 10 s.
 * </ul>
 *
 * Gateway calls are recorded through Micrometer's global registry, to which this registry adds
 * itself: the gateway client is a plain object made by a producer, not a CDI bean.
 */
@ApplicationScoped
public class ConsoleMetrics {

  private static final Pattern RETCODE = Pattern.compile("\\d{3}-\\d{3}|\\d+");
  private static final int WINDOW_SECONDS = 10;

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final AtomicLongArray perSecond = new AtomicLongArray(WINDOW_SECONDS);
  private final AtomicLongArray secondOf = new AtomicLongArray(WINDOW_SECONDS);

  @Inject Caller caller;

  public ConsoleMetrics() {
    Metrics.addRegistry(registry);
    io.micrometer.core.instrument.Gauge.builder(
            "statedesk.bulk.agents.per.second", this, ConsoleMetrics::agentsPerSecond)
        .description("Agents finished by bulk changes per second, over the last 10 s")
        .strongReference(true)
        .register(registry);
  }

  @PreDestroy
  void close() {
    Metrics.removeRegistry(registry);
    registry.close();
  }

  /** The metrics in Prometheus text format; admins only. */
  public String scrape() {
    caller.require(Role.ADMIN);
    return registry.scrape();
  }

  /** Registers the gauge of running changes (called once by the bulk engine at start). */
  public void runningChanges(Supplier<Number> running) {
    io.micrometer.core.instrument.Gauge.builder(
            "statedesk.bulk.changes.running", running, s -> s.get().doubleValue())
        .description("Bulk changes running on this instance")
        .strongReference(true)
        .register(registry);
  }

  /** Counts agents finished by a bulk change. */
  public void agentFinished(String outcome) {
    io.micrometer.core.instrument.Counter.builder("statedesk.bulk.agents")
        .description("Agents finished by bulk changes, by outcome")
        .tag("outcome", outcome.toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
    long now = System.currentTimeMillis() / 1000;
    int slot = (int) (now % WINDOW_SECONDS);
    if (secondOf.getAndSet(slot, now) != now) {
      perSecond.set(slot, 0);
    }
    perSecond.incrementAndGet(slot);
  }

  double agentsPerSecond() {
    long now = System.currentTimeMillis() / 1000;
    long sum = 0;
    for (int i = 0; i < WINDOW_SECONDS; i++) {
      // the current second is still filling: count the ten seconds before it
      long second = secondOf.get(i);
      if (second < now && second >= now - WINDOW_SECONDS) {
        sum += perSecond.get(i);
      }
    }
    return sum / (double) WINDOW_SECONDS;
  }

  /**
   * Records one gateway call in the global registry.
   *
   * @param outcome as the client logs it: a retcode, {@code HTTP 503}, or a failure's text
   */
  public static void gatewayCall(String operation, String outcome, long nanos) {
    String result = result(outcome);
    // one Timer per (operation, result), built once: this runs on every gateway call
    GATEWAY_TIMERS
        .computeIfAbsent(
            operation + '|' + result,
            k ->
                Timer.builder("statedesk.gateway.calls")
                    .description("Calls to the CC-Gateway")
                    .tag("operation", operation)
                    .tag("result", result)
                    .serviceLevelObjectives(
                        Duration.ofMillis(10),
                        Duration.ofMillis(50),
                        Duration.ofMillis(100),
                        Duration.ofMillis(250),
                        Duration.ofMillis(500),
                        Duration.ofSeconds(1),
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(5),
                        Duration.ofSeconds(15))
                    .register(Metrics.globalRegistry))
        .record(Duration.ofNanos(nanos));
  }

  private static final java.util.concurrent.ConcurrentMap<String, Timer> GATEWAY_TIMERS =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The {@code result} tag of a call's outcome: few values, whatever the gateway answers. */
  static String result(String outcome) {
    if (outcome == null) {
      return "unreachable";
    }
    if ("0".equals(outcome)) {
      return "success";
    }
    if (outcome.startsWith("HTTP ") && outcome.length() >= 6) {
      return "http_" + outcome.charAt(5) + "xx";
    }
    if (outcome.startsWith("not JSON") || outcome.startsWith("no retcode")) {
      return "bad_response";
    }
    if (RETCODE.matcher(outcome).matches()) {
      RetcodeClass kind = Retcodes.of(outcome).retcodeClass();
      return kind == RetcodeClass.SUCCESS ? "success" : kind.name().toLowerCase(Locale.ROOT);
    }
    return "unreachable";
  }
}
