package io.statedesk.core.selection;

import io.statedesk.core.problem.ProblemException;
import io.statedesk.core.problem.ProblemKind;
import io.statedesk.core.problem.Text;

/** The typed refusals of saved selections. */
public final class SelectionExceptions {

  private SelectionExceptions() {}

  /**
   * No such selection, or one the caller may not see (404; never says which, so ids of other users'
   * private selections cannot be probed).
   */
  public static class SelectionNotFoundException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public SelectionNotFoundException(long id) {
      super(ProblemKind.NOT_FOUND, "selection", Text.of("selection.notFound", id));
    }
  }

  /** A name, team or content that breaks a rule (400), with the field it is about. */
  public static class InvalidSelectionException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public InvalidSelectionException(String field, Text text) {
      super(ProblemKind.INVALID, field, text);
    }
  }

  /** The caller already has a selection of that name (409). */
  public static class DuplicateSelectionNameException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public DuplicateSelectionNameException(String name) {
      super(ProblemKind.CONFLICT, "name", Text.of("selection.name.taken", name));
    }
  }

  /** Only the owner (or an admin) may change or delete a selection, even a shared one (403). */
  public static class NotSelectionOwnerException extends ProblemException {
    private static final long serialVersionUID = 1L;

    public NotSelectionOwnerException(String name, String owner) {
      super(ProblemKind.FORBIDDEN, "selection", Text.of("selection.notOwner", name, owner));
    }
  }
}
