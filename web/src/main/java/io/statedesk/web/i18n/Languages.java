package io.statedesk.web.i18n;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages the console speaks and how a reader's preferences pick one: the first of their
 * languages (in the order of preference they sent) that the console speaks, any Chinese as
 * Simplified Chinese; else English.
 *
 * <p>One rule for the pages and the API, so that a person and their script read refusals in the
 * same language; a browser that asks for "fr, zh" gets Chinese in both.
 */
public final class Languages {

  /** English and Simplified Chinese, in menu order. */
  public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE);

  private Languages() {}

  /** The spoken language that stands for {@code language}, if the console speaks it. */
  public static Optional<Locale> spoken(Locale language) {
    if (language == null) {
      return Optional.empty();
    }
    return switch (language.getLanguage()) {
      case "zh" -> Optional.of(Locale.SIMPLIFIED_CHINESE);
      case "en" -> Optional.of(Locale.ENGLISH);
      default -> Optional.empty();
    };
  }

  /** The first of the reader's {@code preferred} languages the console speaks, else English. */
  public static Locale firstSpoken(Iterable<Locale> preferred) {
    if (preferred != null) {
      for (Locale language : preferred) {
        Optional<Locale> spoken = spoken(language);
        if (spoken.isPresent()) {
          return spoken.get();
        }
      }
    }
    return Locale.ENGLISH;
  }
}
