package io.statedesk.core.bulk;

import io.statedesk.core.problem.ProblemException;
import io.statedesk.core.problem.ProblemKind;

/** The typed failures of bulk changes that users can cause; each message says what to do. */
public final class BulkExceptions {

  private BulkExceptions() {}

  /** No such change, or not one the caller may see (404). */
  public static class ChangeNotFoundException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public ChangeNotFoundException(long id) {
      super(ProblemKind.NOT_FOUND, null, "No bulk change " + id + " that you may see");
    }
  }

  /** The request itself is wrong (400); {@link #field()} names the part. */
  public static class InvalidChangeException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public InvalidChangeException(String field, String message) {
      super(ProblemKind.INVALID, field, message);
    }
  }

  /** A large change needs its size typed as confirmation (400). */
  public static class ConfirmationRequiredException extends InvalidChangeException {
    private static final long serialVersionUID = 1L;
    private final int count;

    public ConfirmationRequiredException(int count, int threshold) {
      super(
          "confirmCount",
          "This change touches "
              + count
              + " agents (more than "
              + threshold
              + "): type "
              + count
              + " to confirm it");
      this.count = count;
    }

    public int count() {
      return count;
    }
  }

  /** The change cannot do that in its current state (409), e.g. undo while it runs. */
  public static class ChangeStateException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public ChangeStateException(String message) {
      super(ProblemKind.CONFLICT, null, message);
    }
  }
}
