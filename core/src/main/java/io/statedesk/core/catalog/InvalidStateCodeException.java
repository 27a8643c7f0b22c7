package io.statedesk.core.catalog;

import io.statedesk.core.problem.ProblemDetail;
import io.statedesk.core.problem.ProblemException;
import io.statedesk.core.problem.ProblemKind;
import io.statedesk.core.problem.Text;
import java.util.List;

/** A state code breaks one or more rules; each error names its field and rule. */
public class InvalidStateCodeException extends ProblemException {

  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> errors;

  public InvalidStateCodeException(List<FieldError> errors) {
    super(
        ProblemKind.INVALID,
        errors.isEmpty() ? null : errors.get(0).field(),
        Text.of("problem.rules", errors.stream().map(FieldError::sentence).toList()));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }

  @Override
  public List<ProblemDetail> details() {
    return errors.stream().map(e -> ProblemDetail.ofField(e.field(), e.text())).toList();
  }
}
