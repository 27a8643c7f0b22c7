package io.statedesk.simulator;

import org.junit.jupiter.api.BeforeEach;

/**
 * The common ground of this module's HTTP tests: two agents of the seeded world and the simulator
 * reset before each test to fast intervals (rotation 1 s, expiry 2 s, MAXTIME 3 s, poll wait 0.5
 * s).
 */
abstract class SimulatorHttpTest {

  static final int AGENT = 10001;
  static final int OTHER = 10002;

  final GatewayHttp gw = GatewayHttp.simulator();

  @BeforeEach
  void reset() {
    gw.reset(2, 1_000, 2_000, 3_000, 500, false);
  }

  /** The retcode of {@code querycustomstate} for {@link #AGENT} with this Guid. */
  String queryRetcode(String guid) {
    return GatewayHttp.retcode(
        gw.send("GET", "/resource/onlineagent/" + AGENT + "/querycustomstate", null, "guid", guid));
  }
}
