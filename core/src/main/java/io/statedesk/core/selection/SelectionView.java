package io.statedesk.core.selection;

import io.statedesk.core.directory.AgentFilter;
import java.time.Instant;
import java.util.List;

/**
 * A saved selection as pages and the API show it.
 *
 * @param id its id
 * @param name its name (user text: escape it)
 * @param kind dynamic (a filter) or fixed (agents)
 * @param owner who saved it
 * @param sharedTeam the team it is shared with, or {@code null} when private
 * @param filter the filter (dynamic), or {@code null}
 * @param agents the agents as saved (fixed; those outside the user's teams are dropped when used)
 * @param mine whether the caller owns it
 * @param editable whether the caller may delete it (its owner or an admin)
 * @param updatedAt when it was last saved
 */
public record SelectionView(
    long id,
    String name,
    SelectionKind kind,
    String owner,
    String sharedTeam,
    AgentFilter filter,
    List<Integer> agents,
    boolean mine,
    boolean editable,
    Instant updatedAt) {

  public SelectionView {
    agents = agents == null ? List.of() : List.copyOf(agents);
  }

  static SelectionView of(SavedSelection s, String caller, boolean admin) {
    return new SelectionView(
        s.getId(),
        s.getName(),
        s.getKind(),
        s.getOwner(),
        s.getSharedTeam(),
        s.getKind() == SelectionKind.DYNAMIC ? FilterJson.read(s.getFilterJson()) : null,
        s.agents(),
        s.getOwner().equals(caller),
        SelectionRules.editable(s.getOwner(), caller, admin),
        s.getUpdatedAt());
  }
}
