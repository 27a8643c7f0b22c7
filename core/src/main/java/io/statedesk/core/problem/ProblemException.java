package io.statedesk.core.problem;

import java.util.List;

/**
 * A refusal a user can cause, with its {@link ProblemKind} and the field it is about: the base of
 * every typed failure a core service throws for a request it will not carry out.
 *
 * <p>Why one base: the REST API used one exception mapper per exception (eight near-identical
 * ones), each choosing a status by hand; now the kind travels with the exception and one mapper
 * turns it into the status and the JSON error, and a new exception needs no new mapper. The message
 * is written for the user who made the request, as a {@link Text} the page or the API says in the
 * user's language, and never holds a Guid, password or token.
 */
public abstract class ProblemException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final ProblemKind kind;
  private final String field;
  private final Text text;

  /**
   * @param kind what kind of refusal
   * @param field the field the refusal is about, or null
   * @param text what is wrong and, where it helps, what to do instead; the exception's message is
   *     its English (for logs)
   */
  protected ProblemException(ProblemKind kind, String field, Text text) {
    super(text.english());
    this.kind = kind;
    this.field = field;
    this.text = text;
  }

  public ProblemKind kind() {
    return kind;
  }

  /** What to tell the user, in their language ({@link Text#in}). */
  public Text text() {
    return text;
  }

  /** The field (of a form, a body or a header) the refusal is about, or null. */
  public String field() {
    return field;
  }

  /** Every broken rule, where there are several (a form, a file); empty for a single refusal. */
  public List<ProblemDetail> details() {
    return List.of();
  }
}
