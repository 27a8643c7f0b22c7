package io.statedesk.core.catalog;

import java.util.List;
import java.util.stream.Collectors;

/** A state code breaks one or more rules; each error names its field and rule. */
public class InvalidStateCodeException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient List<FieldError> errors;

  public InvalidStateCodeException(List<FieldError> errors) {
    super(errors.stream().map(FieldError::toString).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<FieldError> errors() {
    return errors;
  }
}
