package io.statedesk.core.catalog;

/**
 * One broken rule.
 *
 * @param field the field, e.g. {@code label} or {@code labels.zh-CN}
 * @param message what is wrong, naming the rule (e.g. "must be 1 to 40 characters, was 52")
 */
public record FieldError(String field, String message) {

  @Override
  public String toString() {
    return field + " " + message;
  }
}
