package io.statedesk.core.testing;

import io.statedesk.testkit.PayaraMicro;
import java.nio.file.Path;

/**
 * The simulator on one Payara Micro (HTTP and HTTPS), shared by core's client and session tests in
 * the failsafe JVM. Activity and sessions elsewhere are off, so tests see only their own effects.
 */
public final class SimulatorServer {

  private SimulatorServer() {}

  public static PayaraMicro get() {
    return dedicated("simulator-for-core");
  }

  /**
   * A simulator of its own for a test that runs beside the others (JUnit's parallel execution, see
   * src/test/resources/junit-platform.properties), so that their resets and settings never meet;
   * started on first use, stopped when the failsafe JVM ends.
   */
  public static PayaraMicro dedicated(String name) {
    return PayaraMicro.shared(
        name,
        () ->
            PayaraMicro.builder()
                .deploy(Path.of(PayaraMicro.requiredProperty("simulator.war")), "agentgateway")
                .sslPort(PayaraMicro.freePort())
                .systemProperty("simulator.agents", "2000")
                .systemProperty("simulator.groups", "4")
                .systemProperty("simulator.signed-in-elsewhere-share", "0")
                .systemProperty("simulator.activity-period-ms", "0")
                .readyWhen("/agentgateway/simulator/status")
                .start());
  }

  /** {@code http://localhost:PORT/agentgateway/resource} */
  public static String gatewayUrl() {
    return get().baseUrl() + "/agentgateway/resource";
  }

  /** {@code http://localhost:PORT/agentgateway/simulator} */
  public static String controlUrl() {
    return get().baseUrl() + "/agentgateway/simulator";
  }
}
