package io.statedesk.testkit;

import java.net.http.HttpClient;
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

  /** A client of its own (a test that must not share connections, e.g. with another server). */
  public static HttpClient newClient() {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(10))
        .build();
  }
}
