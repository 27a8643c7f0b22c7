package io.statedesk.testkit;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The gateway simulator's control API ({@code simulator/src/main/java/.../control/ControlResource},
 * under {@code /agentgateway/simulator} where the simulator is deployed as {@code agentgateway}):
 * faults, an agent's view and what happens to it elsewhere, the record of calls, the stats. Why one
 * place: the web and server tests each built these addresses and sent these requests by hand. Every
 * call must succeed (status below 300), or the test fails there, not later on a wrong answer.
 *
 * @param client the client to call with (a test that keeps its own, e.g. per server, passes it)
 * @param base the control API's address, e.g. {@code http://127.0.0.1:8080/agentgateway/simulator}
 */
public record SimulatorControl(HttpClient client, String base) {

  /** The control API of the simulator deployed beside a server at {@code serverUrl}. */
  public static SimulatorControl at(String serverUrl) {
    return at(Http.client(), serverUrl);
  }

  /** As {@link #at(String)}, calling with {@code client}. */
  public static SimulatorControl at(HttpClient client, String serverUrl) {
    return new SimulatorControl(client, serverUrl + "/agentgateway/simulator");
  }

  /** Sets the faults, {@code json} as the simulator's {@code FaultConfig} reads it. */
  public String faults(String json) {
    return call("PUT", "/faults", json);
  }

  /** Back to fault-free. */
  public String clearFaults() {
    return call("DELETE", "/faults", null);
  }

  /** What the gateway knows of an agent (signed in, state, custom state, elsewhere), as JSON. */
  public String agent(int workNo) {
    return call("GET", "/agents/" + workNo, null);
  }

  /**
   * Runs a control action on an agent: {@code ready}, {@code signout}, {@code elsewhere}, {@code
   * forcelogin} or {@code release}; answers the agent's view.
   */
  public String onAgent(int workNo, String action) {
    return call("POST", "/agents/" + workNo + "/" + action, null);
  }

  /**
   * The recorded calls, oldest first, as a JSON array; {@code query} filters them as the API reads
   * it ({@code operation=setCustomState&limit=100000&after=12}), empty for none.
   */
  public String requests(String query) {
    return call("GET", "/requests" + (query.isEmpty() ? "" : "?" + query), null);
  }

  /** Counts per operation and retcode, total calls and distinct client connections. */
  public String summary() {
    return call("GET", "/requests/summary", null);
  }

  /** Forgets the recorded calls. */
  public void clearRequests() {
    call("DELETE", "/requests", null);
  }

  /** The unbounded counters: sign-ins per agent and interface, calls refused for a stale Guid. */
  public String stats() {
    return call("GET", "/stats", null);
  }

  /**
   * A call to {@code path} (from {@code /}) of the control API with {@code json} as its body (none
   * when null), for what the methods above do not cover; answers the body.
   */
  public String call(String method, String path, String json) {
    return Http.ok(
        client,
        Http.request(method, base + path, json, "Content-Type", "application/json")
            .timeout(Duration.ofSeconds(30))
            .build());
  }
}
