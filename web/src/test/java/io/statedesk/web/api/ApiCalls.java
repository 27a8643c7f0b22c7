package io.statedesk.web.api;

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
}
