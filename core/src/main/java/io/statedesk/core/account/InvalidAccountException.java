package io.statedesk.core.account;

/** A user could not be created or changed because one field breaks a rule; names the field. */
public class InvalidAccountException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidAccountException(String field, String rule) {
    super(field + " " + rule);
    this.field = field;
  }

  /** The offending field, e.g. "username". */
  public String field() {
    return field;
  }
}
