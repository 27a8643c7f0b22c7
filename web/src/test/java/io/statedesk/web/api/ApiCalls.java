package io.statedesk.web.api;

import io.statedesk.testkit.JsonFields;
import io.statedesk.testkit.SimulatorControl;
import io.statedesk.web.ConsoleServer;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.List;

/** API calls that other test packages need for their set-up. */
public final class ApiCalls {

  private ApiCalls() {}

  /** Synchronises the directory from the simulator as the demo admin. */
  public static void syncDirectory() {
    var response =
        Api.send("POST", "/agents/sync", null, "Authorization", Api.basic("admin", "admin-demo"));
    if (response.statusCode() != 200) {
      throw new IllegalStateException(
          "directory sync failed: " + response.statusCode() + " " + response.body());
    }
  }

  /** The ids of alice's agents that match {@code query} (the agents API's parameters). */
  public static List<Integer> agentIds(String query) {
    var r = as("alice", "alice-demo", "GET", "/agents?max=1000&" + query, null);
    if (r.statusCode() != 200) {
      throw new IllegalStateException("agents: " + r.statusCode() + " " + r.body());
    }
    try (var reader = jakarta.json.Json.createReader(new StringReader(r.body()))) {
      return reader.readObject().getJsonArray("agents").stream()
          .map(v -> v.asJsonObject().getInt("agentId"))
          .toList();
    }
  }

  /** An API call as a demo user (HTTP Basic). */
  public static HttpResponse<String> as(
      String user, String password, String method, String path, String json) {
    return Api.send(method, path, json, "Authorization", Api.basic(user, password));
  }

  /** Makes a change as alice (the demo supervisor) and answers its id. */
  public static String aliceChanges(String agents, int code, String note) {
    var made =
        as(
            "alice",
            "alice-demo",
            "POST",
            "/changes",
            "{\"agents\":[" + agents + "],\"code\":" + code + ",\"note\":\"" + note + "\"}");
    if (made.statusCode() >= 300) {
      throw new IllegalStateException("change refused: " + made.statusCode() + " " + made.body());
    }
    return String.valueOf(JsonFields.number(made.body(), "id"));
  }

  /**
   * Gives the agents a known custom state as alice and waits until that change has finished, so
   * that a test does not depend on what earlier tests left (they share one console).
   */
  public static void aliceSetsAndWaits(String agents, int code) {
    aliceAwaits(aliceChanges(agents, code, "known state for a test"));
  }

  /** Waits until alice's change {@code id} has finished. */
  public static void aliceAwaits(String id) {
    ChangeApiIT.awaitFinished(Long.parseLong(id), Api.basic("alice", "alice-demo"));
  }

  /** The custom state the simulator holds for the agent (-1 or 65535 when none). */
  public static int simulatorState(int agent) throws Exception {
    String view = SimulatorControl.at(Api.HTTP, ConsoleServer.get().baseUrl()).agent(agent);
    return (int) JsonFields.number(view, "customState");
  }
}
