package io.statedesk.web.api;

import io.statedesk.core.selection.SelectionKind;
import io.statedesk.core.selection.SelectionView;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answers of the saved-selection endpoints, as records JSON-B writes, in a fixed order and with
 * their nulls ({@link ChangeJson} says why).
 */
public final class SelectionJson {

  private SelectionJson() {}

  /**
   * A saved selection: a dynamic one has its {@code filter} (and {@code agents} null), a fixed one
   * its {@code agents} (and {@code filter} null); {@code team} is the team it is shared with.
   */
  @JsonbNillable
  @JsonbPropertyOrder({
    "id",
    "name",
    "kind",
    "owner",
    "team",
    "shared",
    "mine",
    "editable",
    "filter",
    "agents",
    "updatedAt"
  })
  public record Selection(
      long id,
      String name,
      @Schema(type = SchemaType.STRING) SelectionKind kind,
      String owner,
      String team,
      boolean shared,
      boolean mine,
      boolean editable,
      FilterBody filter,
      List<Integer> agents,
      Instant updatedAt) {

    static Selection of(SelectionView s) {
      return new Selection(
          s.id(),
          s.name(),
          s.kind(),
          s.owner(),
          s.sharedTeam(),
          s.sharedTeam() != null,
          s.mine(),
          s.editable(),
          s.filter() == null ? null : FilterBody.of(s.filter()),
          s.filter() == null ? s.agents() : null,
          s.updatedAt());
    }
  }

  /** {@code GET /api/selections}. */
  public record SelectionList(List<Selection> selections) {}

  /** The agents a selection gives the caller now: how many, and their ids. */
  @JsonbPropertyOrder({"total", "agents"})
  public record Agents(int total, List<Integer> agents) {}
}
