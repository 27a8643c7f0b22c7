package io.statedesk.core.catalog;

import io.statedesk.core.gateway.CustomState;
import io.statedesk.core.problem.Text;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The rules every path (page, API, import) applies to a state code before it is stored, as pure
 * functions so they are unit-tested once. Uniqueness and reserved ranges need the database and are
 * checked by {@link StateCatalog}.
 */
public final class StateCodeRules {

  /** The locales labels may be given in. */
  public static final Set<String> LOCALES = Set.of("en", "zh-CN");

  static final int MAX_CODE = CustomState.MAX;
  private static final Pattern COLOUR = Pattern.compile("#[0-9a-fA-F]{6}");
  private static final Pattern TEAM = Pattern.compile("[\\p{L}\\p{N} ._-]{1,64}");

  private StateCodeRules() {}

  /** The normalised data (trimmed, blanks as null, colour in lower case) and the broken rules. */
  public record Checked(StateCodeData data, List<FieldError> errors) {
    public boolean isValid() {
      return errors.isEmpty();
    }
  }

  /** Checks every rule of a state code at once, so that the admin sees all broken ones together. */
  public static Checked check(StateCodeData in) {
    List<FieldError> errors = new ArrayList<>();
    if (!CustomState.isValid(in.code())) {
      errors.add(
          new FieldError(
              "code",
              in.code() == CustomState.NOT_SET
                  ? Text.of("catalog.rule.code.noState")
                  : Text.of("catalog.rule.code.range", MAX_CODE, in.code())));
    }
    String label = trimToNull(in.label());
    checkLabel("label", label, true, errors);
    String description = trimToNull(in.description());
    if (description != null && description.codePointCount(0, description.length()) > 500) {
      errors.add(
          new FieldError(
              "description",
              Text.of(
                  "catalog.rule.description.length",
                  description.codePointCount(0, description.length()))));
    }
    String colour = trimToNull(in.colour());
    if (colour == null) {
      errors.add(new FieldError("colour", Text.of("catalog.rule.colour.required")));
    } else if (!COLOUR.matcher(colour).matches()) {
      errors.add(new FieldError("colour", Text.of("catalog.rule.colour.format", colour)));
    }
    String category = trimToNull(in.category());
    if (category != null && (category.length() > 60 || hasControl(category))) {
      errors.add(new FieldError("category", Text.of("catalog.rule.category.length")));
    }
    if (in.sortOrder() < -100_000 || in.sortOrder() > 100_000) {
      errors.add(
          new FieldError("sortOrder", Text.of("catalog.rule.sortOrder.range", in.sortOrder())));
    }
    Map<String, String> labels = labels(in.labels(), errors);
    Set<String> teams = teams(in.teams(), errors);
    StateCodeData data =
        new StateCodeData(
            in.code(),
            label,
            description,
            colour == null ? null : colour.toLowerCase(Locale.ROOT),
            category,
            in.sortOrder(),
            in.active(),
            labels,
            teams);
    return new Checked(data, List.copyOf(errors));
  }

  /** The labels per language, trimmed, blanks left out; an unknown language is an error. */
  private static Map<String, String> labels(Map<String, String> given, List<FieldError> errors) {
    Map<String, String> labels = new LinkedHashMap<>();
    for (Map.Entry<String, String> e : given.entrySet()) {
      String tag =
          e.getKey() == null ? "" : Locale.forLanguageTag(e.getKey().trim()).toLanguageTag();
      if (!LOCALES.contains(tag)) {
        errors.add(new FieldError("labels", Text.of("catalog.rule.labels.locale", e.getKey())));
        continue;
      }
      String value = trimToNull(e.getValue());
      if (value != null) {
        checkLabel("labels." + tag, value, false, errors);
        labels.put(tag, value);
      }
    }
    return labels;
  }

  /** The teams, trimmed, blanks left out; a name with other characters is an error. */
  private static Set<String> teams(Collection<String> given, List<FieldError> errors) {
    Set<String> teams = new LinkedHashSet<>();
    for (String team : given) {
      String t = trimToNull(team);
      if (t == null) {
        continue;
      }
      if (!TEAM.matcher(t).matches()) {
        errors.add(new FieldError("teams", Text.of("catalog.rule.team.format", t)));
      } else {
        teams.add(t);
      }
    }
    return teams;
  }

  private static void checkLabel(
      String field, String label, boolean required, List<FieldError> errors) {
    if (label == null) {
      if (required) {
        errors.add(new FieldError(field, Text.of("catalog.rule.label.required")));
      }
      return;
    }
    int length = label.codePointCount(0, label.length());
    if (length > 40) {
      errors.add(new FieldError(field, Text.of("catalog.rule.label.length", length)));
    }
    if (hasControl(label)) {
      errors.add(new FieldError(field, Text.of("catalog.rule.label.control")));
    }
  }

  private static boolean hasControl(String s) {
    return s.codePoints()
        .anyMatch(c -> Character.getType(c) == Character.CONTROL || c == 0x2028 || c == 0x2029);
  }

  static String trimToNull(String s) {
    if (s == null) {
      return null;
    }
    String t = s.strip();
    return t.isEmpty() ? null : t;
  }
}
