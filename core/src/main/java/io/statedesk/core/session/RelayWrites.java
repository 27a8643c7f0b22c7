package io.statedesk.core.session;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Metrics;

/**
 * Counts the database writes that relay pushes cause: a client's "last used" (at most once a minute
 * per client) and the audit rows of registered and withdrawn sessions (never of a rotation). Why a
 * metric: a desktop fleet pushes every Guid rotation (10,000 agents every 60 s is ~167 pushes a
 * second), so a write per push would load the database and fill the audit; the counter ({@code
 * statedesk_relay_database_writes_total}) lets operators and the tests see that pushes cost no
 * writes.
 */
final class RelayWrites {

  private static final Counter WRITES =
      Counter.builder("statedesk.relay.database.writes")
          .description("Database writes caused by relay pushes (last-used updates, session audit)")
          .register(Metrics.globalRegistry);

  private RelayWrites() {}

  static void one() {
    WRITES.increment();
  }
}
