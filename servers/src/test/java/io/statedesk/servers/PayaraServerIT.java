package io.statedesk.servers;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The EAR on Payara Server: the smoke tests of {@link ServerSmoke}. */
class PayaraServerIT extends ServerSmoke {

  static PayaraServer server;

  @BeforeAll
  static void start() {
    long t0 = System.nanoTime();
    server = PayaraServer.start();
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
