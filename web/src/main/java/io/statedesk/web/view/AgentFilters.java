package io.statedesk.web.view;

import io.statedesk.core.directory.AgentFilter;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.session.Availability;
import jakarta.enterprise.context.SessionScoped;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The picker's filters, kept for the user's session: a supervisor who makes a change and comes back
 * to the agents page finds the list as they left it. Values only; the picker's bean reads and
 * writes them.
 */
@SessionScoped
public class AgentFilters implements Serializable {

  private static final long serialVersionUID = 1L;

  private List<String> teams = new ArrayList<>();
  private List<String> states = new ArrayList<>();
  private List<String> sessions = new ArrayList<>();
  private List<String> skills = new ArrayList<>();
  private String customState = "";
  private String text;
  private boolean chartsFolded;

  /** The filter for the directory's queries. */
  public AgentFilter filter() {
    Set<GatewayState> parsed = EnumSet.noneOf(GatewayState.class);
    states.forEach(s -> parsed.add(GatewayState.valueOf(s)));
    Integer custom =
        customState == null || customState.isBlank() ? null : Integer.valueOf(customState);
    return new AgentFilter(
        new LinkedHashSet<>(teams),
        null,
        parsed,
        custom,
        text,
        availabilities(),
        new LinkedHashSet<>(skills));
  }

  /** The Sessions menu's choices (its items are the availabilities' names). */
  private Set<Availability> availabilities() {
    Set<Availability> chosen = EnumSet.noneOf(Availability.class);
    sessions.forEach(s -> Availability.named(s).ifPresent(chosen::add));
    return chosen;
  }

  /** Whether any filter is set. */
  public boolean isAny() {
    return !teams.isEmpty()
        || !states.isEmpty()
        || !sessions.isEmpty()
        || !skills.isEmpty()
        || (customState != null && !customState.isBlank())
        || (text != null && !text.isBlank());
  }

  /**
   * Shows {@code filter} in the menus (a saved selection used on the picker). The API's single
   * {@code skill} joins the skill menu, which the picker has instead.
   */
  public void apply(AgentFilter filter) {
    teams = new ArrayList<>(new TreeSet<>(filter.teams()));
    states = new ArrayList<>(filter.states().stream().map(GatewayState::name).sorted().toList());
    sessions = new ArrayList<>(filter.sessions().stream().map(Enum::name).sorted().toList());
    Set<String> allSkills = new TreeSet<>(filter.skills());
    if (filter.skill() != null && !filter.skill().isBlank()) {
      allSkills.add(filter.skill().strip());
    }
    skills = new ArrayList<>(allSkills);
    customState = filter.customState() == null ? "" : filter.customState().toString();
    text = filter.text();
  }

  /** Back to every agent of the user's teams. */
  public void reset() {
    teams = new ArrayList<>();
    states = new ArrayList<>();
    sessions = new ArrayList<>();
    skills = new ArrayList<>();
    customState = "";
    text = null;
  }

  /** Whether the user folded the charts away (kept with the filters). */
  public boolean isChartsFolded() {
    return chartsFolded;
  }

  public void setChartsFolded(boolean chartsFolded) {
    this.chartsFolded = chartsFolded;
  }

  public List<String> getTeams() {
    return teams;
  }

  public void setTeams(List<String> teams) {
    this.teams = teams == null ? new ArrayList<>() : new ArrayList<>(teams);
  }

  public List<String> getStates() {
    return states;
  }

  public void setStates(List<String> states) {
    this.states = states == null ? new ArrayList<>() : new ArrayList<>(states);
  }

  public List<String> getSessions() {
    return sessions;
  }

  public void setSessions(List<String> sessions) {
    this.sessions = sessions == null ? new ArrayList<>() : new ArrayList<>(sessions);
  }

  public List<String> getSkills() {
    return skills;
  }

  public void setSkills(List<String> skills) {
    this.skills = skills == null ? new ArrayList<>() : new ArrayList<>(skills);
  }

  public String getCustomState() {
    return customState;
  }

  public void setCustomState(String customState) {
    this.customState = customState;
  }

  public String getText() {
    return text;
  }

  public void setText(String text) {
    this.text = text;
  }
}
