package io.statedesk.core.session;

import io.statedesk.core.problem.ProblemException;
import io.statedesk.core.problem.ProblemKind;
import io.statedesk.core.problem.Text;

/** A relay registration or relay-client request breaks a rule; names the field. */
public class InvalidRelayRequestException extends ProblemException {

  private static final long serialVersionUID = 1L;

  private final Text rule;

  public InvalidRelayRequestException(String field, Text rule) {
    super(ProblemKind.INVALID, field, Text.of("problem.fieldRule", field, rule));
    this.rule = rule;
  }

  /**
   * The rule broken, without the field's name (e.g. "must be at least 8 characters"): a page puts
   * its own label for the field in front, where the message's "password must be..." would show the
   * field's id.
   */
  public Text rule() {
    return rule;
  }
}
