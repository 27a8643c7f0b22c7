package io.statedesk.core.catalog;

import io.statedesk.core.problem.ProblemException;
import io.statedesk.core.problem.ProblemKind;
import io.statedesk.core.problem.Text;

/** The catalog's typed failures other than validation ({@link InvalidStateCodeException}). */
public final class CatalogExceptions {

  private CatalogExceptions() {}

  /** No state code with that number (404). */
  public static class StateCodeNotFoundException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public StateCodeNotFoundException(int code) {
      super(ProblemKind.NOT_FOUND, null, Text.of("catalog.code.notFound", code));
    }
  }

  /** Someone else changed the code since it was read (409). */
  public static class StaleStateCodeException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public StaleStateCodeException(int code, long expected, long actual) {
      super(ProblemKind.CONFLICT, "version", Text.of("catalog.code.stale", code, actual, expected));
    }
  }

  /** The code was used by a bulk change or history, so it can only be deactivated (409). */
  public static class StateCodeInUseException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public StateCodeInUseException(int code) {
      super(ProblemKind.CONFLICT, null, Text.of("catalog.code.inUse", code));
    }
  }
}
