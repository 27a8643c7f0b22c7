package io.statedesk.core.gateway;

/**
 * Refused before anything was sent: the request breaks a documented range (agent id 101..999999,
 * custom state 0..65534). Names the field and the rule.
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
