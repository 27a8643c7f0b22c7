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

  public GatewayUnavailableException(
      String operation,
      int agentId,
      Kind kind,
      int httpStatus,
      Duration retryAfter,
      String detail,
      Throwable cause) {
    super(
        operation,
        agentId,
        operation + " for agent " + agentId + ": " + describe(kind, httpStatus, detail),
        cause);
    this.kind = kind;
    this.httpStatus = httpStatus;
    this.retryAfter = retryAfter;
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
