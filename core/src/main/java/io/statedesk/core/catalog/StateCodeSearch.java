package io.statedesk.core.catalog;

import jakarta.persistence.TypedQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The JPQL of the admin table's search: the {@code where} clause for its free text and active
 * filter, the parameters it binds, and the {@code order by} of its sort column. Apart from the
 * queries themselves so that what a search matches is read and tested without a database.
 */
final class StateCodeSearch {

  private StateCodeSearch() {}

  /** The {@code where} clause ({@code ""} for none) for {@code text} and {@code activeOnly}. */
  static String where(String text, Boolean activeOnly) {
    List<String> clauses = new ArrayList<>();
    if (text != null && !text.isBlank()) {
      // A number also matches the code exactly; JPQL 3.1 has no portable cast to text.
      clauses.add(
          "(lower(s.label) like :text or lower(s.category) like :text"
              + (isCode(text) ? " or s.code = :code" : "")
              + ")");
    }
    if (activeOnly != null) {
      clauses.add("s.active = :active");
    }
    return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
  }

  /** The {@code order by} of the table: its sort column, then the code. */
  static String orderBy(String sortField, boolean ascending) {
    return " order by s."
        + sortColumn(sortField)
        + (ascending ? " asc" : " desc")
        // never the same column twice: H2 2.2 fails on "order by x, x" with an OFFSET
        + ("code".equals(sortColumn(sortField)) ? "" : ", s.code asc");
  }

  /** Binds the parameters {@link #where} named. */
  static void bind(TypedQuery<?> query, String text, Boolean activeOnly) {
    if (text != null && !text.isBlank()) {
      String escaped =
          text.strip().toLowerCase(Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "");
      query.setParameter("text", "%" + escaped + "%");
      if (isCode(text)) {
        query.setParameter("code", Integer.parseInt(text.strip()));
      }
    }
    if (activeOnly != null) {
      query.setParameter("active", activeOnly);
    }
  }

  private static boolean isCode(String text) {
    return text.strip().matches("\\d{1,5}");
  }

  private static String sortColumn(String field) {
    return switch (field == null ? "" : field) {
      case "label" -> "label";
      case "category" -> "category";
      case "code" -> "code";
      case "active" -> "active";
      default -> "sortOrder";
    };
  }
}
