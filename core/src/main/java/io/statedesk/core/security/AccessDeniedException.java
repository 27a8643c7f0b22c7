package io.statedesk.core.security;

import io.statedesk.core.problem.ProblemException;
import io.statedesk.core.problem.ProblemKind;
import io.statedesk.core.problem.Text;

/**
 * The caller may not do what they asked. Pages show a 403 page, the REST API answers 403.
 *
 * <p>Thrown by core services so that a handcrafted POST cannot do what a hidden button would not.
 */
public class AccessDeniedException extends ProblemException {

  private static final long serialVersionUID = 1L;

  public AccessDeniedException(Text text) {
    super(ProblemKind.FORBIDDEN, null, text);
  }
}
