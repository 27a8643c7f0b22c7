package io.statedesk.core.bulk;

import io.statedesk.core.desired.Desired;
import io.statedesk.core.desired.DesiredStore;
import io.statedesk.core.directory.DirectoryAgent;
import io.statedesk.core.persistence.InLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
    Map<Integer, Integer> targets = new LinkedHashMap<>();
    List<Plan.Row> left = new ArrayList<>();
    // a thousand agents at a time: their layers and outcomes are read per chunk and dropped after
    // it, so an undo of 50,000 agents never holds 50,000 entities (issue 20)
    for (List<Integer> chunk : InLists.of(desired.agentsOf(id))) {
      planChunk(id, chunk, targets, left);
    }
    Plan plan =
        planner.planTargets(
            ChangeAction.RESTORE, null, targets, true, known.apply(List.copyOf(targets.keySet())));
    plan.rows.addAll(left);
    return plan;
  }

  private void planChunk(
      long id, List<Integer> agents, Map<Integer, Integer> targets, List<Plan.Row> left) {
    Map<Integer, Desired> tops = desired.top(agents);
    Map<Integer, Desired> belows = desired.below(agents, id);
    Map<Integer, BulkOutcome> outcomes = new HashMap<>();
    queries.outcomesOf(id, agents).forEach(o -> outcomes.put(o.getAgentId(), o));
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
      } else if (belows.containsKey(agent)) {
        targets.put(agent, belows.get(agent).code());
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
}
