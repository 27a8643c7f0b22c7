package io.statedesk.core.session;

/** A relay registration or relay-client request breaks a rule; names the field. */
public class InvalidRelayRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidRelayRequestException(String field, String rule) {
    super(field + " " + rule);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
