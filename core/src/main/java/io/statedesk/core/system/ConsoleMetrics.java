package io.statedesk.core.system;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

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
 * Each feature records into Micrometer's global registry ({@link
 * io.statedesk.core.gateway.GatewayCallMetrics}, {@code bulk.BulkMetrics}). Gateway calls are
 * recorded by {@link io.statedesk.core.gateway.GatewayCallMetrics} through Micrometer's global
 * registry, to which this registry adds itself: the gateway client is a plain object made by a
 * producer, not a CDI bean, and the gateway package knows nothing above it.
 */
@ApplicationScoped
public class ConsoleMetrics {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  @Inject Caller caller;

  public ConsoleMetrics() {
    Metrics.addRegistry(registry);
  }

  /**
   * Joins Micrometer's global registry before the first meter records (called once at start-up; the
   * bean is otherwise made only at the first scrape, and counts before it would be lost).
   */
  public void start() {
    // the constructor did the work; this call only makes the container create the bean
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
}
