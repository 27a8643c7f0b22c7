package io.statedesk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * The one HTTP client of the tests: HTTP/1.1, as curl and the console's users call the API.
 *
 * <p>Why not {@link HttpClient#newHttpClient()}: that one first tries to upgrade each connection to
 * HTTP/2 (h2c); Payara Micro accepts, and a test that reused such a connection after the server had
 * closed it for idleness failed with "EOF reached while reading" (AgentApiIT, on a loaded machine).
 * Over HTTP/1.1 the JDK drops a pooled connection after {@code jdk.httpclient.keepalive.timeout}
 * (10 s in failsafe's argLine, shorter than the servers' idle time-out), so none is reused stale.
 */
public final class Http {

  private static final HttpClient CLIENT = newClient();

  private Http() {}

  /** The shared client (thread-safe, pooled). */
  public static HttpClient client() {
    return CLIENT;
  }

  /**
   * A request of {@code method} to {@code url} with {@code body} as text (none when null) and the
   * {@code headers} given as name, value, name, value...
   */
  public static HttpRequest.Builder request(
      String method, String url, String body, String... headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return request;
  }

  /**
   * Sends {@code request} on {@code client} and reads the answer as text. Why unchecked: a test
   * that cannot reach its server has failed, and every caller would only wrap the exceptions.
   */
  public static HttpResponse<String> send(HttpClient client, HttpRequest request) {
    try {
      return client.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(request.method() + " " + request.uri(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + request.method() + " " + request.uri(), e);
    }
  }

  /**
   * Sends {@code request} on {@code client} and answers its body; fails the test unless the status
   * is below 300. Why here: the tests each had a copy of this (AbruptRestartIT, ClusterIT,
   * SetStateIT, TwoConsolesIT), different only in the headers they set.
   */
  public static String ok(HttpClient client, HttpRequest request) {
    HttpResponse<String> response = send(client, request);
    if (response.statusCode() >= 300) {
      throw new AssertionError(
          request.method()
              + " "
              + request.uri()
              + ": "
              + response.statusCode()
              + " "
              + response.body());
    }
    return response.body();
  }

  /** A client of its own (a test that must not share connections, e.g. with another server). */
  public static HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }
}
