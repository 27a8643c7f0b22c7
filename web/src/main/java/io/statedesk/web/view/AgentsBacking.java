package io.statedesk.web.view;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.catalog.StateCatalog;
import io.statedesk.core.catalog.StateCode;
import io.statedesk.core.desired.DesiredStore;
import io.statedesk.core.directory.AgentDirectory;
import io.statedesk.core.directory.AgentFilter;
import io.statedesk.core.directory.DirectoryAgent;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.session.AgentSessions;
import io.statedesk.core.session.Availability;
import io.statedesk.web.i18n.Instants;
import io.statedesk.web.i18n.LocaleBacking;
import io.statedesk.web.i18n.Texts;
import io.statedesk.web.view.changes.PickedAgents;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The supervisor's agent picker: filters, a lazy table of the agents of the supervisor's teams, and
 * a selection that survives paging, refreshes and filter changes ("select all N that match" adds
 * every matching id, not just the page). The charts above the table are {@link AgentChartsBacking}.
 */
@Named("agents")
@ViewScoped
public class AgentsBacking implements PickedAgents, Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient AgentDirectory directory;
  @Inject transient AgentSessions sessions;
  @Inject transient StateCatalog catalog;
  @Inject transient DesiredStore desired;
  @Inject transient TeamScope teamScope;
  @Inject LocaleBacking locale;

  @Inject AgentFilters filters;

  private final Set<Integer> selected = new LinkedHashSet<>();
  private final LazyDataModel<DirectoryAgent> model = new Agents();
  private transient Map<Integer, StateCode> codes;

  private final class Agents extends LazyDataModel<DirectoryAgent> {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filters) {
      return (int) directory.count(filter());
    }

    @Override
    public List<DirectoryAgent> load(
        int first, int pageSize, Map<String, SortMeta> sorts, Map<String, FilterMeta> filters) {
      SortMeta sort = sorts.values().stream().findFirst().orElse(null);
      setRowCount(count(filters));
      List<DirectoryAgent> page =
          directory.page(
              filter(),
              sort == null ? "agentId" : sort.getField(),
              sort == null || sort.getOrder() != SortOrder.DESCENDING,
              first,
              pageSize);
      pageIds = page.stream().map(DirectoryAgent::getAgentId).toList();
      return page;
    }

    @Override
    public String getRowKey(DirectoryAgent agent) {
      return Integer.toString(agent.getAgentId());
    }
  }

  /** The current filter, from the form (kept for the session). */
  public AgentFilter filter() {
    return filters.filter();
  }

  /** The ids on the table's current page, for "select this page". */
  private List<Integer> pageIds = List.of();

  // ------------------------------------------------------------------------------- selection

  public void toggle(int agentId) {
    if (!selected.remove(agentId)) {
      selected.add(agentId);
    }
  }

  public boolean isSelected(int agentId) {
    return selected.contains(agentId);
  }

  /** Adds every agent that matches the filter, on every page. */
  public void selectAllMatching() {
    selected.addAll(directory.ids(filter()));
  }

  /** The selection becomes {@code agentIds} (a saved selection used on the picker). */
  public void replaceSelection(Collection<Integer> agentIds) {
    selected.clear();
    selected.addAll(agentIds);
  }

  public void clearSelection() {
    selected.clear();
  }

  /** Selects every agent of the current page, or unselects them when all already are. */
  public void togglePage() {
    if (isPageSelected()) {
      pageIds.forEach(selected::remove);
    } else {
      selected.addAll(pageIds);
    }
  }

  public boolean isPageSelected() {
    return !pageIds.isEmpty() && selected.containsAll(pageIds);
  }

  /**
   * How many selected agents the current filter no longer shows: they stay selected, and the page
   * says so quietly, so a change is not made on agents the user cannot see without knowing.
   */
  public long getSelectedOutsideFilter() {
    if (selected.isEmpty() || !filters.isAny()) {
      return 0;
    }
    Set<Integer> shown = new HashSet<>(directory.ids(filter()));
    return selected.stream().filter(id -> !shown.contains(id)).count();
  }

  /** "N agents" above the table (the filter's matches). */
  public String getMatchingText() {
    return Texts.counted("agents.matching", getMatchingCount());
  }

  public String getSelectedText() {
    return Texts.counted("agents.selected", getSelectedCount());
  }

  /** Clears every filter. */
  public void resetFilters() {
    filters.reset();
  }

  /** The skills of the user's agents, for the skill menu. */
  public List<String> getSkillChoices() {
    return directory.skills();
  }

  /** An agent's skills as the page shows them ("Chat, VIP"). */
  public String skillsOf(DirectoryAgent agent) {
    return agent.getSkills() == null ? "" : String.join(", ", agent.getSkills().split(","));
  }

  @Override
  public int getSelectedCount() {
    return selected.size();
  }

  public long getMatchingCount() {
    return directory.count(filter());
  }

  public String getSelectAllLabel() {
    return Texts.text("agents.selectAll", getMatchingCount());
  }

  /** The selected ids, for the bulk change that follows. */
  @Override
  public Set<Integer> getSelected() {
    return new TreeSet<>(selected);
  }

  // ------------------------------------------------------------------------------- display

  public List<String> getTeamChoices() {
    return teamScope.choosableTeams();
  }

  public List<GatewayState> getStateChoices() {
    return List.of(
        GatewayState.IDLE,
        GatewayState.TALKING,
        GatewayState.BUSY,
        GatewayState.WORK,
        GatewayState.REST,
        GatewayState.PRE_REST,
        GatewayState.SIGNED_OUT,
        GatewayState.UNKNOWN);
  }

  public List<StateCode> getCodeChoices() {
    return new ArrayList<>(codes().values());
  }

  /** The catalog entry for a custom state, or {@code null} (no state or not in the catalog). */
  public StateCode code(Integer customState) {
    return customState == null ? null : codes().get(customState);
  }

  public String codeLabel(Integer customState) {
    if (customState == null) {
      return "";
    }
    StateCode code = code(customState);
    return code == null ? Integer.toString(customState) : code.labelFor(locale.getLocale());
  }

  /** The tooltip of a custom state: code, label and the catalog's description. */
  public String codeTooltip(Integer customState) {
    StateCode code = code(customState);
    if (code == null) {
      return customState == null ? "" : customState + " (not in the catalog)";
    }
    String description = code.getDescription();
    return customState
        + " · "
        + code.labelFor(locale.getLocale())
        + (description == null || description.isBlank() ? "" : " — " + description);
  }

  /**
   * The agent's desired state (what the console keeps it in), "none" when it is to have none, or a
   * dash when the console intends nothing for it. One small query per row of the page (at most the
   * page size).
   */
  public String desiredLabel(int agentId) {
    return desired
        .top(agentId)
        .map(d -> d.code() == null ? "none" : codeLabel(d.code()) + " · #" + d.changeId())
        .orElse("—");
  }

  /** When the agent's custom state was last read back from the gateway, in local time. */
  public String verifiedAt(DirectoryAgent agent) {
    return Instants.local(agent.getCustomStateVerifiedAt());
  }

  public Availability availability(int agentId) {
    return sessions.availability(agentId);
  }

  private Map<Integer, StateCode> codes() {
    if (codes == null) {
      codes = new LinkedHashMap<>();
      catalog.active().forEach(c -> codes.put(c.getCode(), c));
    }
    return codes;
  }

  public LazyDataModel<DirectoryAgent> getModel() {
    return model;
  }

  public AgentFilters getFilters() {
    return filters;
  }

  public List<String> getSessionChoices() {
    return Arrays.stream(Availability.values()).map(Availability::name).toList();
  }
}
