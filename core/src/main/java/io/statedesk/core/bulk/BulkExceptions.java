package io.statedesk.core.bulk;

import io.statedesk.core.problem.ProblemException;
import io.statedesk.core.problem.ProblemKind;
import io.statedesk.core.problem.Text;

/** The typed failures of bulk changes that users can cause; each message says what to do. */
public final class BulkExceptions {

  private BulkExceptions() {}

  /** No such change, or not one the caller may see (404). */
  public static class ChangeNotFoundException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public ChangeNotFoundException(long id) {
      super(ProblemKind.NOT_FOUND, null, Text.of("bulk.change.notFound", id));
    }
  }

  /** The request itself is wrong (400); {@link #field()} names the part. */
  public static class InvalidChangeException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public InvalidChangeException(String field, Text text) {
      super(ProblemKind.INVALID, field, text);
    }
  }

  /** A large change needs its size typed as confirmation (400). */
  public static class ConfirmationRequiredException extends InvalidChangeException {
    private static final long serialVersionUID = 1L;
    private final int count;

    public ConfirmationRequiredException(int count, int threshold) {
      super("confirmCount", Text.of("bulk.confirm.required", count, threshold));
      this.count = count;
    }

    public int count() {
      return count;
    }
  }

  /** The change cannot do that in its current state (409), e.g. undo while it runs. */
  public static class ChangeStateException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public ChangeStateException(Text text) {
      super(ProblemKind.CONFLICT, null, text);
    }
  }
}
