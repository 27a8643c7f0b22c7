package io.statedesk.core.session;

import io.statedesk.core.problem.ProblemException;
import io.statedesk.core.problem.ProblemKind;

/** A relay registration or relay-client request breaks a rule; names the field. */
public class InvalidRelayRequestException extends ProblemException {

  private static final long serialVersionUID = 1L;

  public InvalidRelayRequestException(String field, String rule) {
    super(ProblemKind.INVALID, field, field + " " + rule);
  }
}
