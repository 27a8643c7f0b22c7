package io.statedesk.simulator.gateway;

import io.statedesk.simulator.world.World;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;

/** A gateway over a small world with a hand-driven clock, for the unit tests of its rules. */
abstract class GatewayFixture {

  final AtomicLong now = new AtomicLong(1_000_000);
  final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
  final World world = new World(20, 3, 42);

  @AfterEach
  void stop() {
    scheduler.shutdownNow();
  }

  /** Rotation 60 s, expiry 120 s, MAXTIME 120 s, poll wait 0.3 s (real time), no LB cookie. */
  Gateway gateway(int authMode) {
    return new Gateway(
        world,
        new GatewaySettings(authMode, 60_000, 120_000, 120_000, 300, false, 2),
        now::get,
        scheduler);
  }
}
