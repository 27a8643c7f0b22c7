package io.statedesk.simulator;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A plain HTTP client for the simulator's tests: raw requests, JSON bodies, no StateDesk code. */
final class GatewayHttp {

  final String base;
  final HttpClient http =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .version(HttpClient.Version.HTTP_1_1)
          .build();

  GatewayHttp(String base) {
    this.base = base;
  }

  static GatewayHttp simulator() {
    return new GatewayHttp(SimulatorServer.get().baseUrl() + "/agentgateway");
  }

  /**
   * Sends a call with {@code Content-Type: application/json; charset=UTF-8} unless {@code headers}
   * name another one ({@code null}: none).
   */
  HttpResponse<String> send(String method, String path, String body, String... headers) {
    return send(method, path, body, Duration.ofSeconds(30), headers);
  }

  HttpResponse<String> send(
      String method, String path, String body, Duration timeout, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(timeout)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    String contentType = "application/json; charset=UTF-8";
    for (int i = 0; i < headers.length; i += 2) {
      if (headers[i].equalsIgnoreCase("Content-Type")) {
        contentType = headers[i + 1];
      } else {
        request.header(headers[i], headers[i + 1]);
      }
    }
    if (contentType != null) {
      request.header("Content-Type", contentType);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  static JsonObject json(HttpResponse<String> response) {
    try (var reader = Json.createReader(new StringReader(response.body()))) {
      return reader.readObject();
    }
  }

  static String retcode(HttpResponse<String> response) {
    return json(response).getString("retcode");
  }

  /** A sign-in body with the agent's password ({@code Sim#N}) and softphone number ({@code 7N}). */
  String signInBody(int workNo) {
    return "{\"password\":\"Sim#" + workNo + "\",\"phonenum\":\"7" + workNo + "\"}";
  }

  /** Signs in an agent with the documented password rule; returns the Guid. */
  String signIn(int workNo) {
    HttpResponse<String> response =
        send("PUT", "/resource/onlineagent/" + workNo, signInBody(workNo));
    if (!"0".equals(retcode(response))) {
      throw new IllegalStateException("sign-in of " + workNo + " failed: " + response.body());
    }
    return guidOf(response);
  }

  static String guidOf(HttpResponse<String> response) {
    String value = response.headers().firstValue("Set-GUID").orElseThrow();
    return value.substring("JSESSIONID=".length());
  }

  void control(String method, String path, String body) {
    HttpResponse<String> response = send(method, "/simulator/" + path, body);
    if (response.statusCode() >= 300) {
      throw new IllegalStateException(
          method + " " + path + " -> " + response.statusCode() + " " + response.body());
    }
  }

  /** Resets the simulator and applies gateway settings (fast intervals for tests). */
  void reset(
      int authMode, long interval, long timeout, long maxIdle, long pollWait, boolean lbCookie) {
    control("POST", "reset", null);
    control(
        "PUT",
        "settings",
        String.format(
            "{\"authMode\":%d,\"guidIntervalMs\":%d,\"guidTimeoutMs\":%d,\"maxIdleMs\":%d,\"pollWaitMs\":%d,\"lbCookie\":%b,\"nodes\":2}",
            authMode, interval, timeout, maxIdle, pollWait, lbCookie));
  }
}
