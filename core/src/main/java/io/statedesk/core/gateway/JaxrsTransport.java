package io.statedesk.core.gateway;

import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import jakarta.ws.rs.client.Entity;
import jakarta.ws.rs.client.Invocation;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Sends {@link GatewayRequest}s over {@code jakarta.ws.rs.client} (Jersey on Payara, RESTEasy on
 * WildFly), blocking or asynchronously, and hands each answer to {@link GatewayAnswer#interpret}.
 *
 * <p>One JAX-RS client per read timeout, because JAX-RS has none per request: the client's
 * operations use one with the operation timeout, held polls (when they travel over JAX-RS) one with
 * the poll timeout. Built once and shared: the client keeps HTTP connections alive, so many calls
 * reuse a few TCP (and TLS) connections.
 */
final class JaxrsTransport implements AutoCloseable {

  /** A body with the content type the gateway documents, charset included. */
  private static final MediaType JSON_UTF8 =
      MediaType.APPLICATION_JSON_TYPE.withCharset(StandardCharsets.UTF_8.name());

  private final Client client;
  private final WebTarget base;

  /**
   * Builds the client for {@code config}.
   *
   * @param readTimeout how long to wait for any answer of this client
   * @throws IllegalStateException if the configured truststore cannot be read
   */
  JaxrsTransport(GatewayConfig config, Duration readTimeout) {
    ClientBuilder builder =
        ClientBuilder.newBuilder()
            .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
            .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS);
    if (config.truststore() != null) {
      builder.trustStore(config.loadTruststore());
    }
    if (!config.verifyHostname()) {
      builder.hostnameVerifier((host, session) -> true);
    }
    this.client = builder.build();
    this.base = client.target(config.baseUrl());
  }

  /**
   * Sends {@code request} and waits for its answer.
   *
   * @throws GatewayException the typed failure (nothing sent for an invalid agent id)
   */
  GatewayAnswer call(GatewayRequest request) {
    request.requireAgentId();
    long start = System.nanoTime();
    Response response;
    try {
      Invocation.Builder invocation = invocation(request);
      response =
          request.body() == null
              ? invocation.method(request.method())
              : invocation.method(request.method(), entity(request));
    } catch (RuntimeException e) {
      GatewayException failure = GatewayFailures.translate(request, e);
      GatewayCallLog.record(request, failure.getMessage(), start);
      throw failure;
    }
    return read(request, response, start);
  }

  /**
   * Sends {@code request} without waiting: the stage completes with the answer, or exceptionally
   * with the typed failure.
   */
  CompletionStage<GatewayAnswer> send(GatewayRequest request) {
    long start = System.nanoTime();
    return GatewayFailures.whenAnswered(
        request,
        () -> {
          var rx = invocation(request).rx();
          return request.body() == null
              ? rx.method(request.method())
              : rx.method(request.method(), entity(request));
        },
        response -> read(request, response, start));
  }

  private Invocation.Builder invocation(GatewayRequest request) {
    WebTarget target = base.path(request.path());
    for (Map.Entry<String, String> q : request.query().entrySet()) {
      target = target.queryParam(q.getKey(), q.getValue());
    }
    Invocation.Builder invocation =
        target
            .request(MediaType.APPLICATION_JSON_TYPE)
            .header("Content-Type", "application/json; charset=UTF-8");
    GatewayAuth auth = request.auth();
    if (auth != null) {
      invocation.header("guid", auth.guid());
      if (auth.cookie() != null) {
        invocation.header("Cookie", auth.cookie());
      }
    }
    return invocation;
  }

  private static Entity<String> entity(GatewayRequest request) {
    return Entity.entity(request.body(), JSON_UTF8);
  }

  private static GatewayAnswer read(GatewayRequest request, Response response, long start) {
    try (response) {
      int status = response.getStatus();
      String text = response.hasEntity() ? response.readEntity(String.class) : "";
      Map<String, List<String>> headers = new LinkedHashMap<>();
      response
          .getStringHeaders()
          .forEach((k, v) -> headers.put(k.toLowerCase(Locale.ROOT), List.copyOf(v)));
      return GatewayAnswer.interpret(request, status, text, headers, start);
    } catch (ProcessingException e) {
      throw GatewayFailures.translate(request, e);
    }
  }

  @Override
  public void close() {
    client.close();
  }
}
