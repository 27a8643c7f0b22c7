package io.statedesk.core.bulk;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.bulk.BulkExceptions.InvalidChangeException;
import io.statedesk.core.catalog.CatalogExceptions.StateCodeNotFoundException;
import io.statedesk.core.catalog.StateCatalog;
import io.statedesk.core.catalog.StateCode;
import io.statedesk.core.desired.Desired;
import io.statedesk.core.desired.DesiredStore;
import io.statedesk.core.desired.SessionClock;
import io.statedesk.core.directory.AgentDirectory;
import io.statedesk.core.directory.DirectoryAgent;
import io.statedesk.core.gateway.AgentId;
import io.statedesk.core.problem.Text;
import io.statedesk.core.session.AgentSessions;
import io.statedesk.core.session.Availability;
import io.statedesk.core.session.SessionHolds;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Decides what a change does to each agent: which agents are the caller's, which have a session,
 * and which are already in the state. "Already in that state" only counts after a read-back in the
 * agent's current session ({@link SessionClock}): a state cached from an earlier session is gone
 * with that session, so such an agent is called.
 */
@ApplicationScoped
class ChangePlanner {

  @Inject TeamScope teams;
  @Inject AgentDirectory directory;
  @Inject StateCatalog catalog;
  @Inject AgentSessions sessions;
  @Inject BulkSettings settings;
  @Inject SessionClock clock;
  @Inject DesiredStore desired;
  @Inject SessionHolds holds;

  /** A code the caller may set: in the catalog, active, and offered to one of their teams. */
  StateCode activeCode(int code) {
    StateCode found;
    try {
      found = catalog.get(code);
    } catch (StateCodeNotFoundException e) {
      throw new InvalidChangeException("code", Text.of("bulk.code.unknown", code));
    }
    if (!found.isActive()) {
      throw new InvalidChangeException("code", Text.of("bulk.code.inactive", code));
    }
    if (!teams.callerSeesAll()
        && !found.isAllTeams()
        && found.getTeams().stream().noneMatch(teams.callerTeams()::contains)) {
      throw new InvalidChangeException("code", Text.of("bulk.code.notOffered", code));
    }
    return found;
  }

  /** The caller's request, resolved to agents (their teams only) and verdicts. */
  Plan plan(ChangeRequest request) {
    return plan(request, 0, Integer.MAX_VALUE);
  }

  /**
   * As {@link #plan(ChangeRequest)}, for {@code max} of the requested agents from the {@code
   * first}, in id order: a page of a preview.
   */
  Plan plan(ChangeRequest request, int first, int max) {
    StateCode code = request.target().code().map(c -> activeCode(c.value())).orElse(null);
    List<Integer> page = agents(request).stream().skip(Math.max(0, first)).limit(max).toList();
    return planRequested(request.target(), code, page, directory::visible);
  }

  /**
   * One target for agents as requested (a request's ids, a saved schedule's): a number that is not
   * an agent id gets its {@link Verdict#INVALID_ID} row where it stands, the others are planned by
   * {@link #planTargets}.
   *
   * @param code the catalog code of {@code target}, {@code null} for a clear
   * @param ids the numbers in the order of the plan's rows (a repeated one counts once)
   * @param known resolves the agents the change may touch
   */
  Plan planRequested(
      StateTarget target,
      StateCode code,
      Collection<Integer> ids,
      Function<Collection<Integer>, Map<Integer, DirectoryAgent>> known) {
    Set<Integer> unique = new LinkedHashSet<>(ids);
    Map<AgentId, StateTarget> targets = new LinkedHashMap<>();
    for (int id : unique) {
      if (AgentId.isValid(id)) {
        targets.put(new AgentId(id), target);
      }
    }
    Plan valid = planTargets(target.action(), code, targets, false, known.apply(ids(targets)));
    Plan plan = new Plan(target.action(), code);
    Iterator<Plan.Row> planned = valid.rows.iterator(); // one row per target, in their order
    for (int id : unique) {
      plan.rows.add(
          AgentId.isValid(id)
              ? planned.next()
              : Plan.Row.skipped(
                  Plan.Found.only(id),
                  target,
                  Verdict.INVALID_ID,
                  "Not a gateway agent id (" + AgentId.RANGE + ")"));
    }
    return plan;
  }

  /** The agents' numbers, for the directory's and the desired store's queries. */
  static List<Integer> ids(Map<AgentId, ?> agents) {
    return agents.keySet().stream().map(AgentId::value).toList();
  }

  /** The requested agent ids, checked: given or by filter, no nulls, within the size limit. */
  Set<Integer> agents(ChangeRequest request) {
    List<Integer> ids;
    if (request.agentIds() != null) {
      if (request.filter() != null) {
        throw new InvalidChangeException("agents", Text.of("bulk.agents.both"));
      }
      ids = request.agentIds();
    } else if (request.filter() != null) {
      ids = directory.ids(request.filter());
    } else {
      throw new InvalidChangeException("agents", Text.of("bulk.agents.none"));
    }
    Set<Integer> unique = new TreeSet<>();
    for (Integer id : ids) {
      if (id == null) {
        throw new InvalidChangeException("agents", Text.of("bulk.agents.nullId"));
      }
      unique.add(id);
    }
    if (unique.isEmpty()) {
      throw new InvalidChangeException("agents", Text.of("bulk.agents.empty"));
    }
    if (unique.size() > settings.maxAgents()) {
      throw new InvalidChangeException(
          "agents", Text.of("bulk.agents.tooMany", unique.size(), settings.maxAgents()));
    }
    return unique;
  }

  /**
   * Verdicts for agents with their targets.
   *
   * @param known the agents the change may touch, by id (others are out of scope)
   * @param callAlreadyInState call agents even when they read back the target already (a restore)
   */
  Plan planTargets(
      ChangeAction action,
      StateCode code,
      Map<AgentId, StateTarget> targets,
      boolean callAlreadyInState,
      Map<Integer, DirectoryAgent> known) {
    List<Integer> ids = ids(targets);
    Map<Integer, Desired> current = desired.top(ids);
    Set<Integer> heldElsewhere = heldElsewhere(ids);
    Plan plan = new Plan(action, code);
    for (Map.Entry<AgentId, StateTarget> e : targets.entrySet()) {
      int id = e.getKey().value();
      StateTarget target = e.getValue();
      DirectoryAgent a = known.get(id);
      if (a == null) {
        plan.rows.add(
            Plan.Row.skipped(
                Plan.Found.only(id),
                target,
                Verdict.OUT_OF_SCOPE,
                "Not one of your agents (unknown, or in another team)"));
      } else if (code != null && !offeredTo(code, a.getTeam())) {
        plan.rows.add(notOffered(a, code, target));
      } else {
        plan.rows.add(
            row(a, target, callAlreadyInState, current.get(id), heldElsewhere.contains(id)));
      }
    }
    return plan;
  }

  /**
   * Whether {@code code} may be set on an agent of {@code team}: all teams, or one of its teams.
   */
  static boolean offeredTo(StateCode code, String team) {
    return code.isAllTeams() || (team != null && code.getTeams().contains(team));
  }

  private Plan.Row notOffered(DirectoryAgent a, StateCode code, StateTarget target) {
    return Plan.Row.skipped(
        found(a, sessions.availability(a.getAgentId())),
        target,
        Verdict.CODE_NOT_OFFERED,
        "State code "
            + code.getCode()
            + " is not offered to this agent's team ("
            + (a.getTeam() == null ? "none" : a.getTeam())
            + ")");
  }

  /** The agent as the directory has it, with its session now. */
  private static Plan.Found found(DirectoryAgent a, Availability availability) {
    return new Plan.Found(
        a.getAgentId(),
        a.getName(),
        a.getTeam(),
        a.getCustomState(),
        availability,
        a.getCustomStateAt() != null);
  }

  /**
   * The verdict for an agent of the caller's: skipped only when a read-back in its current session
   * found it in the target state already; else called if it has a usable session.
   *
   * @param alreadyVerified a read-back in the agent's current session found the target state, and
   *     the change does not call such agents anyway
   */
  static Verdict verdict(boolean alreadyVerified, Availability availability) {
    if (alreadyVerified) {
      return Verdict.ALREADY_IN_STATE;
    }
    return availability.isLive() ? Verdict.WILL_CHANGE : Verdict.NO_SESSION;
  }

  /**
   * Of the agents this console holds no session for, those whose session another console of the
   * cluster holds (its hold records): that console makes their calls, so they will change.
   */
  private Set<Integer> heldElsewhere(List<Integer> agents) {
    Set<Integer> none = new HashSet<>();
    for (int id : agents) {
      if (sessions.availability(id) == Availability.NONE) {
        none.add(id);
      }
    }
    return none.isEmpty() ? Set.of() : holds.heldByAnyAfter(none, Instant.now());
  }

  private Plan.Row row(
      DirectoryAgent a, StateTarget target, boolean callAlways, Desired before, boolean elsewhere) {
    int id = a.getAgentId();
    boolean verified = clock.inCurrentSession(id, a.getCustomStateVerifiedAt());
    boolean already =
        verified && Reading.ofColumn(a.getCustomState()).matches(target) && !a.isDrifted();
    Availability here = sessions.availability(id);
    Availability availability = here == Availability.NONE && elsewhere ? Availability.HOSTED : here;
    Verdict verdict = verdict(already && !callAlways, availability);
    OutcomeStatus status =
        verdict == Verdict.ALREADY_IN_STATE ? OutcomeStatus.SKIPPED : OutcomeStatus.PENDING;
    String reason =
        verdict == Verdict.ALREADY_IN_STATE
            ? "Already in that state (read back in the agent's current session)"
            : null;
    String note =
        before == null
            ? null
            : "Replaces the desired state of change "
                + before.changeId()
                + " ("
                + (before.code() == null ? "none" : before.code())
                + ", by "
                + before.setBy()
                + ") while this change lasts; that one resumes after";
    return new Plan.Row(
        found(a, availability), target, verdict, status, reason, callAlways ? null : note);
  }
}
