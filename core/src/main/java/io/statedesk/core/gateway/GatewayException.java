package io.statedesk.core.gateway;

/** A gateway call did not succeed. Messages never contain a Guid, password or cookie. */
public abstract sealed class GatewayException extends RuntimeException
    permits GatewayRejectedException, GatewayUnavailableException, InvalidGatewayRequestException {

  private static final long serialVersionUID = 1L;

  private final String operation;
  private final int agentId;

  protected GatewayException(String operation, int agentId, String message, Throwable cause) {
    super(message, cause);
    this.operation = operation;
    this.agentId = agentId;
  }

  /** The gateway operation's log name, e.g. {@code setCustomState}. */
  public String operation() {
    return operation;
  }

  /** The agent in the request path. */
  public int agentId() {
    return agentId;
  }

  /** Whether the same call may succeed later. */
  public abstract boolean isRetryable();

  /**
   * Whether {@code failure} is a gateway failure the same call may get past later: the one test of
   * every retry policy over gateway calls (the bulk engine's calls, the directory's reads).
   */
  public static boolean isTransient(Throwable failure) {
    return failure instanceof GatewayException g && g.isRetryable();
  }
}
