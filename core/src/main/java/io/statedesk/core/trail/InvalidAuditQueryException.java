package io.statedesk.core.trail;

/** A filter or cursor the audit trail cannot use; names the field, for the API's 400. */
public class InvalidAuditQueryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String field;

  public InvalidAuditQueryException(String field, String problem) {
    super(field + " " + problem);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
