package io.statedesk.core.account;

import io.statedesk.core.problem.ProblemException;
import io.statedesk.core.problem.ProblemKind;

/** A user could not be created or changed because one field breaks a rule; names the field. */
public class InvalidAccountException extends ProblemException {

  private static final long serialVersionUID = 1L;

  public InvalidAccountException(String field, String rule) {
    super(ProblemKind.INVALID, field, field + " " + rule);
  }
}
