package io.statedesk.core.catalog;

import io.statedesk.core.problem.Text;

/**
 * One broken rule.
 *
 * @param field the field, e.g. {@code label} or {@code labels.zh-CN}
 * @param text what is wrong, naming the rule (e.g. "must be 1 to 40 characters, was 52")
 */
public record FieldError(String field, Text text) {

  /** The rule in English, without the field (logs, tests). */
  public String message() {
    return text.english();
  }

  /** The field and its rule, as one sentence in any language ("label is required ..."). */
  public Text sentence() {
    return Text.of("problem.fieldRule", field, text);
  }

  @Override
  public String toString() {
    return sentence().english();
  }
}
