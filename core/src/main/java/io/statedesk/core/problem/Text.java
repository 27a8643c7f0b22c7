package io.statedesk.core.problem;

import java.io.Serializable;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.stream.Collectors;

/**
 * A sentence a user reads, as a message key and its arguments, said in the reader's language by
 * whoever shows it: core has no user and no locale, so a refusal names what to say and the page
 * (the view's language) or the API ({@code Accept-Language}) says it. Issue 21 point 7: refusals
 * used to be English sentences passed straight to a zh-CN page.
 *
 * <p>The texts live in one bundle beside this class ({@code texts.properties}, English, and {@code
 * texts_zh_CN.properties}); {@code TextsTest} fails the build when a key used in core is missing
 * from either or when the two disagree on a key or its arguments. An argument that is itself a
 * {@code Text} (a status, a rule) is said in the same language. Numbers are identifiers (agent ids,
 * state codes, change ids) unless the pattern counts them ({@code choice}): never "10,101". A list
 * argument (several broken rules) is said as its elements joined by "; ".
 *
 * @param key the message key, e.g. {@code bulk.undo.running}
 * @param args the arguments, {@code {0}}, {@code {1}}, ... of the pattern; may hold nulls
 */
public record Text(String key, List<Object> args) implements Serializable {

  /** The bundle's base name. */
  public static final String BUNDLE = "io.statedesk.core.problem.texts";

  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  public Text {
    Objects.requireNonNull(key, "key");
    args = Collections.unmodifiableList(new ArrayList<>(args)); // nulls allowed, unlike List.copyOf
  }

  /** The text for {@code key} with {@code args}. */
  public static Text of(String key, Object... args) {
    List<Object> list = new ArrayList<>(args.length);
    Collections.addAll(list, args);
    return new Text(key, list);
  }

  /**
   * This text in {@code locale} (English where the bundle has no such language); a missing key
   * shows itself ({@code ???key???}) instead of failing the request that was being refused.
   */
  public String in(Locale locale) {
    ResourceBundle bundle =
        ResourceBundle.getBundle(BUNDLE, locale, Text.class.getClassLoader(), NO_FALLBACK);
    String pattern;
    try {
      pattern = bundle.getString(key);
    } catch (MissingResourceException e) {
      return "???" + key + "???";
    }
    boolean counts = pattern.contains(",choice,");
    Object[] values = new Object[args.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = value(args.get(i), counts, locale);
    }
    return new MessageFormat(pattern, bundle.getLocale()).format(values);
  }

  private static Object value(Object a, boolean counts, Locale locale) {
    if (a instanceof Text t) {
      return t.in(locale);
    }
    if (a instanceof List<?> list) { // several broken rules, each a Text: one sentence each
      return list.stream()
          .map(e -> String.valueOf(value(e, false, locale)))
          .collect(Collectors.joining("; "));
    }
    if (a instanceof Number n && !counts) {
      return n.toString();
    }
    return a == null ? "" : a;
  }

  /** The English text: for logs, exception messages and callers without a reader. */
  public String english() {
    return in(Locale.ENGLISH);
  }

  @Override
  public String toString() {
    return english();
  }
}
