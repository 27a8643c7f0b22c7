package io.statedesk.core.problem;

/**
 * One broken rule of a refusal: a field (of a form or a body) or a line (of an imported file), and
 * what is wrong with it. Either may be null.
 *
 * @param field the field, e.g. {@code label} or {@code confirmCount}
 * @param line the line of an imported file, from 1
 * @param message what is wrong, naming the rule
 */
public record ProblemDetail(String field, Integer line, String message) {

  /** A broken rule of a field. */
  public static ProblemDetail ofField(String field, String message) {
    return new ProblemDetail(field, null, message);
  }

  /** A broken rule of a line of a file. */
  public static ProblemDetail ofLine(int line, String message) {
    return new ProblemDetail(null, line, message);
  }
}
