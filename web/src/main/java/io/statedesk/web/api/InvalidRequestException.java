package io.statedesk.web.api;

import io.statedesk.core.problem.ProblemDetail;
import io.statedesk.core.problem.ProblemException;
import io.statedesk.core.problem.ProblemKind;
import io.statedesk.core.problem.Text;
import java.util.List;

/**
 * A request the API refuses before any core service sees it: a body that is not a JSON object, a
 * member of the wrong JSON type, a broken Bean Validation rule of a body's record, a malformed path
 * or query parameter.
 *
 * <p>Why a {@link ProblemException}: it then reaches the client through the one mapper ({@link
 * ApiExceptionMappers.Problems}) as core's refusals do, 400 with the field and, where several rules
 * are broken, each of them ({@link ApiError}); and it needs no JAX-RS runtime to be made, so the
 * body records' unit tests read the refusal itself. The sentences are the API's own and English
 * only (docs/src/api.md says so); they travel as {@code problem.rules}, whose pattern is the
 * sentence itself in every language.
 */
final class InvalidRequestException extends ProblemException {

  private static final long serialVersionUID = 1L;

  private final transient List<Rule> rules;

  /**
   * One broken rule.
   *
   * @param field the field, query parameter or header it is about, or null
   * @param message the whole sentence, naming the field ("code must be an integer")
   */
  record Rule(String field, String message) {}

  /** One refusal: {@code message} about {@code field} (or null). */
  InvalidRequestException(String message, String field) {
    this(List.of(new Rule(field, message)));
  }

  /**
   * Several broken rules at once, in the order given: the first names the field, the error says
   * them all, and each is listed ({@code errors}) when there are more than one.
   */
  InvalidRequestException(List<Rule> rules) {
    super(
        ProblemKind.INVALID,
        rules.get(0).field(),
        Text.of("problem.rules", rules.size() == 1 ? rules.get(0).message() : messages(rules)));
    this.rules = List.copyOf(rules);
  }

  private static List<String> messages(List<Rule> rules) {
    return rules.stream().map(Rule::message).toList();
  }

  /** The broken rules, in order. */
  List<Rule> rules() {
    return rules;
  }

  @Override
  public List<ProblemDetail> details() {
    if (rules.size() == 1) {
      return List.of();
    }
    return rules.stream()
        .map(r -> ProblemDetail.ofField(r.field(), Text.of("problem.rules", r.message())))
        .toList();
  }
}
