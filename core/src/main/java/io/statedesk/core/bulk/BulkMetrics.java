package io.statedesk.core.bulk;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;

/**
 * The bulk engine's metrics: agents finished by outcome, changes running, agents per second over
 * the last ten seconds. Recorded in Micrometer's global registry, which the system package's
 * Prometheus registry joins; so the engine reports without knowing who serves the figures (the
 * system package also reads the engine for readiness, and must stay above it).
 */
@ApplicationScoped
public class BulkMetrics {

  private static final int WINDOW_SECONDS = 10;

  private final AtomicLongArray perSecond = new AtomicLongArray(WINDOW_SECONDS);
  private final AtomicLongArray secondOf = new AtomicLongArray(WINDOW_SECONDS);

  /**
   * Registers the rate gauge once, on the bean itself: in the constructor it also ran for the
   * container's proxy, and Micrometer warned "This Gauge has been already registered" at every
   * start.
   */
  @PostConstruct
  void register() {
    Gauge.builder("statedesk.bulk.agents.per.second", this, BulkMetrics::agentsPerSecond)
        .description("Agents finished by bulk changes per second, over the last 10 s")
        .strongReference(true)
        .register(Metrics.globalRegistry);
  }

  /** Registers the gauge of running changes (called once by the bulk engine at start). */
  void runningChanges(Supplier<Number> running) {
    Gauge.builder("statedesk.bulk.changes.running", running, s -> s.get().doubleValue())
        .description("Bulk changes running on this instance")
        .strongReference(true)
        .register(Metrics.globalRegistry);
  }

  /** Counts agents finished by a bulk change. */
  void agentFinished(String outcome) {
    Counter.builder("statedesk.bulk.agents")
        .description("Agents finished by bulk changes, by outcome")
        .tag("outcome", outcome.toLowerCase(Locale.ROOT))
        .register(Metrics.globalRegistry)
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
}
