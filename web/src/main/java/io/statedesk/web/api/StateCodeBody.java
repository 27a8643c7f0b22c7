package io.statedesk.web.api;

import io.statedesk.core.catalog.StateCodeData;
import jakarta.validation.constraints.NotNull;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /api/catalog} (a new code) and {@code PUT /api/catalog/{code}} (an edit).
 * The catalog's rules (label length, colour, reserved ranges, ...) are core's ({@code
 * StateCatalog}), said for every broken rule at once, as on the admin page; here only what a body
 * must hold to be read.
 *
 * @param code the code; required for a new one, an edit's defaults to the path's
 * @param label the label
 * @param description a description
 * @param colour {@code #rrggbb}
 * @param category a category
 * @param sortOrder the position in lists; left out: 0
 * @param active whether it can be chosen; left out or null: true
 * @param labels the label in other languages, by language tag
 * @param teams the teams it is offered to; left out or empty: every team
 * @param version an edit's: the version the caller read, so that concurrent edits are detected
 */
public record StateCodeBody(
    @NotNull(groups = New.class, message = "is required") Integer code,
    String label,
    String description,
    String colour,
    String category,
    Integer sortOrder,
    Boolean active,
    Map<String, String> labels,
    @WrongType(element = "must be strings") List<String> teams,
    @NotNull(
            groups = Edit.class,
            message =
                "is required: send the version you read, so that concurrent edits are detected")
        Integer version) {

  /** The rules of a new code. */
  interface New {}

  /** The rules of an edit. */
  interface Edit {}

  /** The code's data; {@code code} when the body gives none (an edit's path). */
  StateCodeData toData(Integer pathCode) {
    return new StateCodeData(
        code == null ? pathCode : code,
        label,
        description,
        colour,
        category,
        sortOrder == null ? 0 : sortOrder,
        !Boolean.FALSE.equals(active),
        labels == null ? Map.of() : new LinkedHashMap<>(labels),
        teams == null ? new LinkedHashSet<>() : new LinkedHashSet<>(teams));
  }
}
