package io.statedesk.web.api;

import io.statedesk.testkit.Http;
import io.statedesk.testkit.JsonFields;
import io.statedesk.web.ConsoleServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Raw HTTP calls to the console's REST API for tests. */
final class Api {

  static final HttpClient HTTP = Http.client();

  private Api() {}

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * Sends a request to {@code /api + path}; {@code Content-Type: application/json} unless the
   * headers (name, value, name, value...) give one.
   */
  static HttpResponse<String> send(String method, String path, String body, String... headers) {
    HttpRequest.Builder request =
        Http.request(method, ConsoleServer.consoleUrl() + "/api" + path, body, headers);
    boolean typed = false;
    for (int i = 0; i < headers.length; i += 2) {
      typed |= headers[i].equalsIgnoreCase("Content-Type");
    }
    if (!typed) {
      request.header("Content-Type", "application/json");
    }
    return Http.send(HTTP, request.build());
  }

  static String bearer(String token) {
    return "Bearer " + token;
  }

  /** Creates a relay client as the demo admin and returns its token. */
  static String newRelayToken(String name) {
    HttpResponse<String> created =
        send(
            "POST",
            "/relay-clients",
            "{\"name\":\"" + name + "\"}",
            "Authorization",
            basic("admin", "admin-demo"));
    if (created.statusCode() != 201) {
      throw new IllegalStateException(
          "relay client not created: " + created.statusCode() + " " + created.body());
    }
    return JsonFields.text(created.body(), "token");
  }
}
