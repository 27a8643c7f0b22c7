package io.statedesk.core.gateway;

import java.time.Duration;
import java.util.Optional;

/**
 * The call failed below the gateway's envelope: no connection, no answer in time, an HTTP error
 * status, a TLS failure, or a body that is not the gateway's JSON. All but TLS are transient.
 */
public final class GatewayUnavailableException extends GatewayException {

  private static final long serialVersionUID = 1L;

  /** What went wrong. */
  public enum Kind {
    /** Connection refused or reset, unknown host. */
    CONNECT,
    /** No answer within the read or connect timeout. */
    TIMEOUT,
    /** An HTTP status other than 200 (e.g. 503, 429). */
    HTTP_STATUS,
    /** The certificate was not trusted or the host name did not match. */
    TLS,
    /** HTTP 200 with a body that is not the envelope (HTML, truncated JSON, missing retcode). */
    BAD_RESPONSE
  }

  private final Kind kind;
  private final int httpStatus;
  private final Duration retryAfter;

  private GatewayUnavailableException(
      Call call, Kind kind, int httpStatus, Duration retryAfter, String detail, Throwable cause) {
    super(
        call.operation(),
        call.agentId(),
        call.operation()
            + " for agent "
            + call.agentId()
            + ": "
            + describe(kind, httpStatus, detail),
        cause);
    this.kind = kind;
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
  }

  /** The operation and the agent a failure is about: every factory's first argument. */
  public record Call(String operation, int agentId) {}

  /** Connection refused or reset, unknown host ({@code detail}: what the JDK said, may be null). */
  public static GatewayUnavailableException connect(Call call, String detail, Throwable cause) {
    return new GatewayUnavailableException(call, Kind.CONNECT, 0, null, detail, cause);
  }

  /** No answer within the timeout. */
  public static GatewayUnavailableException timeout(Call call, String detail, Throwable cause) {
    return new GatewayUnavailableException(call, Kind.TIMEOUT, 0, null, detail, cause);
  }

  /** The certificate was not trusted or the host name did not match: not retryable. */
  public static GatewayUnavailableException tls(Call call, String detail, Throwable cause) {
    return new GatewayUnavailableException(call, Kind.TLS, 0, null, detail, cause);
  }

  /** An HTTP status other than 200, with the server's {@code Retry-After} if it sent one. */
  public static GatewayUnavailableException httpStatus(Call call, int status, Duration retryAfter) {
    return new GatewayUnavailableException(call, Kind.HTTP_STATUS, status, retryAfter, null, null);
  }

  /** A body that is not the gateway's JSON envelope ({@code detail} says what was wrong). */
  public static GatewayUnavailableException badResponse(Call call, int status, String detail) {
    return new GatewayUnavailableException(call, Kind.BAD_RESPONSE, status, null, detail, null);
  }

  private static String describe(Kind kind, int status, String detail) {
    String what =
        switch (kind) {
          case CONNECT -> "gateway not reachable";
          case TIMEOUT -> "gateway did not answer in time";
          case HTTP_STATUS -> "gateway answered HTTP " + status;
          case TLS -> "TLS handshake failed (certificate not trusted or host name mismatch)";
          case BAD_RESPONSE -> "gateway answered something that is not its JSON envelope";
        };
    return detail == null || detail.isBlank() ? what : what + " (" + detail + ")";
  }

  public Kind kind() {
    return kind;
  }

  /** The HTTP status for {@link Kind#HTTP_STATUS}, else 0. */
  public int httpStatus() {
    return httpStatus;
  }

  /** The server's {@code Retry-After}, if it sent one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }

  @Override
  public boolean isRetryable() {
    return kind != Kind.TLS;
  }
}
