package io.statedesk.core.gateway;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.security.cert.CertificateException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.net.ssl.SSLException;

/**
 * Maps what a transport throws (JAX-RS's {@code ProcessingException}, the JDK client's {@code
 * IOException}s, either wrapped in a future's exception) to {@link GatewayUnavailableException}
 * kinds. Why one place: callers decide on retries by kind, and must get the same kind for the same
 * failure over either transport.
 */
final class GatewayFailures {

  private GatewayFailures() {}

  /** The typed failure of {@code operation} for {@code agentId}; a typed one passes unchanged. */
  static GatewayException translate(String operation, int agentId, Throwable failure) {
    Throwable t = failure;
    while ((t instanceof CompletionException || t instanceof ExecutionException)
        && t.getCause() != null) {
      t = t.getCause();
    }
    if (t instanceof GatewayException g) {
      return g;
    }
    GatewayUnavailableException.Call call =
        new GatewayUnavailableException.Call(operation, agentId);
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof SocketTimeoutException
          || c instanceof HttpTimeoutException
          || c instanceof TimeoutException) {
        return GatewayUnavailableException.timeout(call, null, t);
      }
      if (c instanceof SSLException || c instanceof CertificateException) {
        return GatewayUnavailableException.tls(call, c.getClass().getSimpleName(), t);
      }
      if (c instanceof ConnectException
          || c instanceof UnknownHostException
          || c instanceof NoRouteToHostException) {
        return GatewayUnavailableException.connect(call, c.getClass().getSimpleName(), t);
      }
      if (c.getCause() == c) {
        break;
      }
    }
    return GatewayUnavailableException.connect(call, t.getClass().getSimpleName(), t);
  }

  /**
   * Sends asynchronously with {@code send} and reads the response with {@code read}; a send that
   * throws at once, or completes exceptionally later, fails with the typed failure. Both
   * transports' asynchronous calls go through here, so that they fail alike.
   */
  static <R> CompletionStage<GatewayAnswer> whenAnswered(
      GatewayRequest request, Supplier<CompletionStage<R>> send, Function<R, GatewayAnswer> read) {
    CompletionStage<R> pending;
    try {
      pending = send.get();
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(translate(request, e));
    }
    return pending.handle(
        (response, failure) -> {
          if (failure != null) {
            throw translate(request, failure);
          }
          return read.apply(response);
        });
  }

  /** {@link #translate} for {@code request}. */
  static GatewayException translate(GatewayRequest request, Throwable failure) {
    return translate(request.operation(), request.agentId(), failure);
  }
}
