package io.statedesk.core.session;

/** A relay registration or relay-client request breaks a rule; names the field. */
public class InvalidRelayRequestException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;
  private final String rule;

  public InvalidRelayRequestException(String field, String rule) {
    super(field + " " + rule);
    this.field = field;
    this.rule = rule;
  }

  /**
   * The rule broken, without the field's name (e.g. "must be at least 8 characters"): a page puts
   * its own label for the field in front, where the message's "password must be..." would show the
   * field's id.
   */
  public String rule() {
    return rule;
  }

  public String field() {
    return field;
  }
}
