package io.statedesk.core.gateway;

import io.statedesk.core.gateway.GatewayRecords.PollResult;
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
import java.util.concurrent.CompletableFuture;
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
 * after a failed poll, travels here too.
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
      builder.sslContext(sslContext(GatewayClient.loadTruststore(config)));
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

  CompletionStage<PollResult> poll(GatewayAuth auth) {
    int agentId = auth.agentId();
    return send(auth, "GET", "agentevent/" + agentId, "getAgentEvent", config.pollTimeout())
        .thenApply(answer -> GatewayClient.toPoll(answer, agentId));
  }

  /**
   * {@code updateGuid}: over this transport too, because it follows failed polls, which come in
   * hundreds when the gateway hangs; here they cost no thread while they wait.
   */
  CompletionStage<GatewayClient.Answer> updateGuid(GatewayAuth auth) {
    return send(
        auth,
        "PUT",
        "onlineagent/" + auth.agentId() + "/updateGuid",
        "updateGuid",
        config.operationTimeout());
  }

  private CompletionStage<GatewayClient.Answer> send(
      GatewayAuth auth, String method, String path, String operation, Duration timeout) {
    int agentId = auth.agentId();
    long start = System.nanoTime();
    String base = config.baseUrl().toString();
    URI uri = URI.create((base.endsWith("/") ? base : base + "/") + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri)
            .timeout(timeout)
            .header("Accept", "application/json")
            .header("Content-Type", "application/json; charset=UTF-8")
            .header("guid", auth.guid())
            .method(
                method,
                "GET".equals(method)
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(""));
    if (auth.cookie() != null) {
      request.header("Cookie", auth.cookie());
    }
    CompletableFuture<HttpResponse<String>> pending;
    try {
      pending = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(GatewayClient.translate(operation, agentId, e));
    }
    return pending.handle(
        (response, failure) -> {
          if (failure != null) {
            throw GatewayClient.translate(operation, agentId, failure);
          }
          Map<String, List<String>> headers = new LinkedHashMap<>();
          response.headers().map().forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), v));
          return GatewayClient.interpret(
              response.statusCode(), response.body(), headers, operation, agentId, auth, start);
        });
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
