package io.statedesk.core.gateway;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Event long-polls over the JDK's non-blocking HTTP client.
 *
 * <p>Why not {@code jakarta.ws.rs.client} for polls: the gateway holds each poll up to ~10 s, and
 * the servers' JAX-RS clients run async calls on a bounded executor over a blocking connector, one
 * thread per held poll (on Payara about 25 at a time, so a few hundred hosted sessions already
 * starve and lose their rotated Guids). {@code java.net.http} keeps a held poll as a socket and a
 * few selector and handler threads, identical on Payara and WildFly. Everything else still goes
 * through the JAX-RS client. Same truststore; host name verification cannot be switched off here,
 * so that setting selects the JAX-RS transport. {@code updateGuid}, which a hosted session calls
 * after a failed poll, travels here too: failed polls come in hundreds when the gateway hangs, and
 * here the calls that follow them cost no thread while they wait.
 */
final class JdkPollTransport implements AutoCloseable {

  private final GatewayConfig config;
  private final HttpClient http;
  private final ExecutorService executor;

  JdkPollTransport(GatewayConfig config) {
    this.config = config;
    AtomicInteger n = new AtomicInteger();
    this.executor =
        Executors.newFixedThreadPool(
            4,
            r -> {
              Thread t = new Thread(r, "statedesk-gateway-poll-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    HttpClient.Builder builder =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(config.connectTimeout())
            .executor(executor);
    if (config.truststore() != null) {
      builder.sslContext(sslContext(config.loadTruststore()));
    }
    this.http = builder.build();
  }

  private static SSLContext sslContext(KeyStore trust) {
    try {
      TrustManagerFactory tmf =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      tmf.init(trust);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, tmf.getTrustManagers(), null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot build a TLS context from the gateway truststore: " + e.getMessage(), e);
    }
  }

  /**
   * Sends {@code request} (a poll, or {@code updateGuid}) without waiting: the stage completes with
   * the answer, or exceptionally with the typed failure. Its path carries no query: neither of the
   * two operations sent here has one.
   *
   * @param timeout how long to wait for the answer: the poll timeout for a held poll, the operation
   *     timeout otherwise
   */
  CompletionStage<GatewayAnswer> send(GatewayRequest request, Duration timeout) {
    long start = System.nanoTime();
    String base = config.baseUrl().toString();
    URI uri = URI.create((base.endsWith("/") ? base : base + "/") + request.path());
    HttpRequest.Builder outgoing =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json; charset=UTF-8")
            .header("guid", request.auth().guid())
            .method(
                request.method(),
                request.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(request.body()));
    if (request.auth().cookie() != null) {
      outgoing.header("Cookie", request.auth().cookie());
    }
    return GatewayFailures.whenAnswered(
        request,
        () -> http.sendAsync(outgoing.build(), HttpResponse.BodyHandlers.ofString()),
        response -> {
          Map<String, List<String>> headers = new LinkedHashMap<>();
          response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
          return GatewayAnswer.interpret(
              request, response.statusCode(), response.body(), headers, start);
        });
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
