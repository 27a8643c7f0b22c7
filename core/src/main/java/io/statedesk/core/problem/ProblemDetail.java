package io.statedesk.core.problem;

/**
 * One broken rule of a refusal: a field (of a form or a body) or a line (of an imported file), and
 * what is wrong with it. Either may be null.
 *
 * @param field the field, e.g. {@code label} or {@code confirmCount}
 * @param line the line of an imported file, from 1
 * @param text what is wrong, naming the rule, in the reader's language when shown
 */
public record ProblemDetail(String field, Integer line, Text text) {

  /** A broken rule of a field. */
  public static ProblemDetail ofField(String field, Text text) {
    return new ProblemDetail(field, null, text);
  }

  /** A broken rule of a line of a file. */
  public static ProblemDetail ofLine(int line, Text text) {
    return new ProblemDetail(null, line, text);
  }
}
