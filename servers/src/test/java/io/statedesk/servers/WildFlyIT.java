package io.statedesk.servers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The EAR on WildFly: the smoke tests of {@link ServerSmoke}. Never beside {@link TwoConsolesIT}
 * (see there).
 */
@ResourceLock(WildFlyServer.ONE_AT_A_TIME)
class WildFlyIT extends ServerSmoke {

  static WildFlyServer server;

  @BeforeAll
  static void start() {
    long t0 = System.nanoTime();
    server = WildFlyServer.start();
    System.out.printf(
        "%s configured, started and deployed in %.1f s%n",
        server.name(), (System.nanoTime() - t0) / 1e9);
  }

  @AfterAll
  static void stop() {
    if (server != null) {
      server.close();
    }
  }

  @Override
  AppServer server() {
    return server;
  }
}
