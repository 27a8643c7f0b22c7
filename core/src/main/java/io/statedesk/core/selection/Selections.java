package io.statedesk.core.selection;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.bulk.ChangeRequest;
import io.statedesk.core.directory.AgentDirectory;
import io.statedesk.core.directory.AgentFilter;
import io.statedesk.core.problem.Text;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import io.statedesk.core.selection.SelectionExceptions.DuplicateSelectionNameException;
import io.statedesk.core.selection.SelectionExceptions.InvalidSelectionException;
import io.statedesk.core.selection.SelectionExceptions.NotSelectionOwnerException;
import io.statedesk.core.selection.SelectionExceptions.SelectionNotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * The saved-selection service. Authorization lives here, not in the pages: a user sees their own
 * selections and those shared with one of their teams (admins: all); only the owner or an admin
 * changes or deletes one. Using a selection never widens what the user may act on: a dynamic one is
 * re-evaluated through {@link AgentDirectory}'s team-scoped queries, a fixed one keeps only the
 * agents {@link AgentDirectory#visible} lets the user see.
 */
@ApplicationScoped
public class Selections {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject Caller caller;
  @Inject TeamScope teams;
  @Inject AgentDirectory directory;
  @Inject AuditLog audit;

  /** The selections the caller may use: their own first, then shared ones, each by name. */
  @Transactional
  public List<SelectionView> list() {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    String me = caller.name();
    Set<String> mine = teams.callerSeesAll() ? Set.of() : teams.callerTeams();
    List<SavedSelection> found;
    if (teams.callerSeesAll()) {
      found =
          em.createQuery("select s from SavedSelection s", SavedSelection.class).getResultList();
    } else if (mine.isEmpty()) { // JPQL's "in" needs at least one value: no team, own ones only
      found =
          em.createQuery("select s from SavedSelection s where s.owner = :me", SavedSelection.class)
              .setParameter("me", me)
              .getResultList();
    } else {
      found =
          em.createQuery(
                  "select s from SavedSelection s where s.owner = :me or s.sharedTeam in :teams",
                  SavedSelection.class)
              .setParameter("me", me)
              .setParameter("teams", mine)
              .getResultList();
    }
    return found.stream()
        .map(s -> SelectionView.of(s, me, teams.callerSeesAll()))
        .sorted(
            Comparator.comparing((SelectionView v) -> !v.mine())
                .thenComparing(v -> v.name().toLowerCase(Locale.ROOT)))
        .toList();
  }

  /** One selection the caller may see. */
  @Transactional
  public SelectionView get(long id) {
    return SelectionView.of(visible(id), caller.name(), teams.callerSeesAll());
  }

  /** Saves {@code filter} as a dynamic selection, private or shared with {@code team}. */
  @Transactional
  public SelectionView saveFilter(String name, AgentFilter filter, String team) {
    SavedSelection s = create(name, team);
    s.remember(FilterJson.write(filter == null ? AgentFilter.none() : filter), Instant.now());
    return persist(s, "filter " + s.getFilterJson());
  }

  /**
   * Saves agents by id as a fixed selection. Every agent must be one the caller may see: a
   * supervisor cannot save (and later share) ids of another team's agents.
   */
  @Transactional
  public SelectionView saveAgents(String name, Collection<Integer> agents, String team) {
    SelectionRules.agents(agents);
    SavedSelection s = create(name, team);
    Set<Integer> wanted = new TreeSet<>(agents);
    Set<Integer> seen = directory.visible(wanted).keySet();
    if (seen.size() < wanted.size()) {
      wanted.removeAll(seen);
      throw new InvalidSelectionException(
          "agents", Text.of("selection.agents.notYours", wanted.size(), wanted.iterator().next()));
    }
    s.remember(new ArrayList<>(wanted), Instant.now());
    return persist(s, wanted.size() + " agent(s)");
  }

  /** Deletes a selection (its owner or an admin); again is a 404. */
  @Transactional
  public void delete(long id) {
    SavedSelection s = editable(id);
    em.remove(s);
    audit.record(
        caller.name(),
        AuditAction.SELECTION_DELETED,
        "selection " + id,
        "'" + s.getName() + "' of " + s.getOwner(),
        null);
  }

  /**
   * The agents the selection gives the caller now, sorted: a dynamic one's filter re-evaluated
   * within the caller's teams, a fixed one's agents that the caller may still see.
   */
  @Transactional
  public List<Integer> agents(long id) {
    SavedSelection s = visible(id);
    return s.getKind() == SelectionKind.DYNAMIC
        ? directory.ids(FilterJson.read(s.getFilterJson()))
        : List.copyOf(new TreeSet<>(directory.visible(s.agents()).keySet()));
  }

  /**
   * {@code request} made on the selection's agents: a dynamic selection becomes the request's
   * filter (so a change resolves it when it is made, within the caller's teams), a fixed one the
   * agents of it the caller may see.
   *
   * @throws InvalidSelectionException when the request also names agents or a filter, or when none
   *     of a fixed selection's agents is the caller's
   */
  @Transactional
  public ChangeRequest applyTo(long id, ChangeRequest request) {
    if (request.agentIds() != null || request.filter() != null) {
      throw new InvalidSelectionException("selection", Text.of("selection.several"));
    }
    SavedSelection s = visible(id);
    List<Integer> agents = null;
    AgentFilter filter = null;
    if (s.getKind() == SelectionKind.DYNAMIC) {
      filter = FilterJson.read(s.getFilterJson());
    } else {
      agents = agents(id);
      if (agents.isEmpty()) {
        throw new InvalidSelectionException(
            "selection", Text.of("selection.noneYours", s.getName()));
      }
    }
    return new ChangeRequest(
        agents,
        filter,
        request.target(),
        request.note(),
        request.idempotencyKey(),
        request.verify(),
        request.confirmCount());
  }

  /** The teams the caller may share with: a supervisor's own; an admin's, any directory team. */
  public Set<String> shareableTeams() {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    return teams.callerSeesAll() ? teams.knownTeams() : teams.callerTeams();
  }

  private SavedSelection create(String rawName, String team) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    String name = SelectionRules.name(rawName);
    String shared = SelectionRules.sharedTeam(team, shareableTeams());
    List<String> mine =
        em.createQuery("select s.name from SavedSelection s where s.owner = :me", String.class)
            .setParameter("me", caller.name())
            .getResultList();
    if (mine.stream()
        .anyMatch(n -> SelectionRules.nameKey(n).equals(SelectionRules.nameKey(name)))) {
      throw new DuplicateSelectionNameException(name);
    }
    if (mine.size() >= SelectionRules.MAX_PER_OWNER) {
      throw new InvalidSelectionException("name", Text.of("selection.tooMany", mine.size()));
    }
    return new SavedSelection(caller.name(), name, shared, Instant.now());
  }

  private SelectionView persist(SavedSelection s, String what) {
    em.persist(s);
    em.flush();
    audit.record(
        caller.name(),
        AuditAction.SELECTION_SAVED,
        "selection " + s.getId(),
        "'"
            + s.getName()
            + "' "
            + s.getKind().name().toLowerCase(Locale.ROOT)
            + ", "
            + what
            + (s.getSharedTeam() == null ? ", private" : ", shared with " + s.getSharedTeam()),
        null);
    return SelectionView.of(s, caller.name(), teams.callerSeesAll());
  }

  private SavedSelection visible(long id) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    SavedSelection s = em.find(SavedSelection.class, id);
    if (s == null
        || !SelectionRules.visible(
            s.getOwner(),
            s.getSharedTeam(),
            caller.name(),
            teams.callerTeams(),
            teams.callerSeesAll())) {
      throw new SelectionNotFoundException(id);
    }
    return s;
  }

  private SavedSelection editable(long id) {
    SavedSelection s = visible(id);
    if (!SelectionRules.editable(s.getOwner(), caller.name(), teams.callerSeesAll())) {
      throw new NotSelectionOwnerException(s.getName(), s.getOwner());
    }
    return s;
  }
}
