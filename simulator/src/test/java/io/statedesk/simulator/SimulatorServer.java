package io.statedesk.simulator;

import io.statedesk.testkit.PayaraMicro;
import java.nio.file.Path;

/** The simulator WAR alone on one Payara Micro, shared by all of this module's *IT classes. */
final class SimulatorServer {

  private SimulatorServer() {}

  static PayaraMicro get() {
    return PayaraMicro.shared(
        "simulator",
        () ->
            PayaraMicro.builder()
                .deploy(Path.of(PayaraMicro.requiredProperty("simulator.war")), "agentgateway")
                .systemProperty("simulator.agents", "50")
                .systemProperty("simulator.groups", "3")
                .systemProperty("simulator.signed-in-elsewhere-share", "0")
                .systemProperty("simulator.activity-period-ms", "0")
                .readyWhen("/agentgateway/simulator/status")
                .start());
  }
}
