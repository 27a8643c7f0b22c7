package io.statedesk.core.trail;

import io.statedesk.core.problem.ProblemException;
import io.statedesk.core.problem.ProblemKind;
import io.statedesk.core.problem.Text;

/** A filter or cursor the audit trail cannot use; names the field (the API's 400). */
public class InvalidAuditQueryException extends ProblemException {

  private static final long serialVersionUID = 1L;

  public InvalidAuditQueryException(String field, Text problem) {
    super(ProblemKind.INVALID, field, Text.of("problem.fieldRule", field, problem));
  }
}
