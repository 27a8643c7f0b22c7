package io.statedesk.core.gateway;

/**
 * Refused before anything was sent: the request breaks a documented range (an agent id outside
 * 101..999999 that arrived as a plain number). Names the field and the rule. A custom state cannot
 * break its range here: the client takes a {@link CustomState}, checked where the code came in.
 */
public final class InvalidGatewayRequestException extends GatewayException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidGatewayRequestException(String operation, int agentId, String field, String rule) {
    super(operation, agentId, field + " " + rule, null);
    this.field = field;
  }

  public String field() {
    return field;
  }

  @Override
  public boolean isRetryable() {
    return false;
  }
}
