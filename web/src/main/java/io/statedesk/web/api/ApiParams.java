package io.statedesk.web.api;

import io.statedesk.core.bulk.OutcomeStatus;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the path and query parameters the resources share (an id, an instant, a page, outcome
 * statuses), so that a malformed one gets the same 400 naming it on every endpoint.
 */
final class ApiParams {

  private ApiParams() {}

  /** A change's, a schedule's or a selection's id from the path. */
  static long id(String id) {
    try {
      return Long.parseLong(id);
    } catch (NumberFormatException e) {
      throw Json.bad("change id must be a number, was '" + id + "'", "id");
    }
  }

  /** An ISO-8601 instant, or {@code null} when not given. */
  static Instant instant(String text, String field) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(text.strip());
    } catch (DateTimeParseException e) {
      throw Json.bad(
          field + " must be an ISO-8601 instant such as 2026-12-01T00:00:00Z, was '" + text + "'",
          field);
    }
  }

  /** Refuses a page that starts before the first row or asks for more than {@code limit} rows. */
  static void paging(int first, int max, int limit) {
    if (first < 0 || max < 1 || max > limit) {
      throw Json.bad("first must be >= 0 and max 1.." + limit, "max");
    }
  }

  /** The {@code status} parameters, by name in any case (none: every status). */
  static Set<OutcomeStatus> outcomeStatuses(List<String> statuses) {
    Set<OutcomeStatus> wanted = EnumSet.noneOf(OutcomeStatus.class);
    for (String s : statuses) {
      try {
        wanted.add(OutcomeStatus.valueOf(s.trim().toUpperCase(Locale.ROOT)));
      } catch (IllegalArgumentException e) {
        throw Json.bad(
            "status '" + s + "' must be one of " + Arrays.toString(OutcomeStatus.values()),
            "status");
      }
    }
    return wanted;
  }
}
