package io.statedesk.core.bulk;

import io.statedesk.core.desired.Desired;
import io.statedesk.core.desired.DesiredStore;
import io.statedesk.core.directory.DirectoryAgent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Plans an undo or a scheduled revert: only agents whose desired state is still the origin change's
 * get back what they had (the desired state below it, which resumes, or else the state they had
 * before the change); agents changed since by a later change are left alone and listed with who
 * changed them.
 */
@ApplicationScoped
class RestorePlanner {

  @Inject DesiredStore desired;
  @Inject ChangeQueries queries;
  @Inject ChangePlanner planner;

  /**
   * @param known resolves the agents the caller may touch (a supervisor's teams, or all for the
   *     system's revert)
   */
  Plan plan(BulkChange origin, Function<List<Integer>, Map<Integer, DirectoryAgent>> known) {
    long id = origin.getId();
    List<Integer> agents = desired.agentsOf(id);
    Map<Integer, Desired> tops = desired.top(agents);
    Map<Integer, BulkOutcome> outcomes = outcomes(id);
    Map<Integer, Integer> targets = new LinkedHashMap<>();
    List<Plan.Row> left = new ArrayList<>();
    for (int agent : agents) {
      Desired top = tops.get(agent);
      BulkOutcome o = outcomes.get(agent);
      if (top == null || o == null) {
        continue;
      }
      if (top.changeId() != id) {
        left.add(
            leftAlone(
                o,
                Verdict.CHANGED_SINCE,
                "Changed since by change "
                    + top.changeId()
                    + " ("
                    + (top.code() == null ? "cleared" : "state " + top.code())
                    + ", by "
                    + top.setBy()
                    + "): left alone"));
      } else if (o.getStatus() != OutcomeStatus.SUCCEEDED
          && o.getStatus() != OutcomeStatus.SKIPPED) {
        left.add(
            leftAlone(
                o,
                Verdict.NOTHING_TO_RESTORE,
                "Change " + id + " did not take effect on this agent: nothing to restore"));
      } else {
        Optional<Desired> below = desired.below(agent, id);
        if (below.isPresent()) {
          targets.put(agent, below.get().code());
        } else if (o.isPreviousKnown()) {
          targets.put(agent, o.getPreviousState());
        } else {
          left.add(
              leftAlone(
                  o,
                  Verdict.NOTHING_TO_RESTORE,
                  "The state before the change is not known, so it is not restored"));
        }
      }
    }
    Plan plan =
        planner.planTargets(
            ChangeAction.RESTORE, null, targets, true, known.apply(List.copyOf(targets.keySet())));
    plan.rows.addAll(left);
    return plan;
  }

  private static Plan.Row leftAlone(BulkOutcome o, Verdict verdict, String reason) {
    return new Plan.Row(
        o.getAgentId(),
        o.getAgentName(),
        o.getTeam(),
        null,
        null,
        false,
        null,
        verdict,
        OutcomeStatus.SKIPPED,
        reason,
        null);
  }

  private Map<Integer, BulkOutcome> outcomes(long id) {
    Map<Integer, BulkOutcome> byAgent = new HashMap<>();
    long n = queries.countOutcomes(id, null, null);
    for (int first = 0; first < n; first += 1000) {
      queries.outcomes(id, null, null, first, 1000).forEach(o -> byAgent.put(o.getAgentId(), o));
    }
    return byAgent;
  }
}
