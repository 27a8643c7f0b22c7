package io.statedesk.core.bulk;

import io.statedesk.core.desired.Desired;
import io.statedesk.core.desired.DesiredStore;
import io.statedesk.core.directory.DirectoryAgent;
import io.statedesk.core.gateway.AgentId;
import io.statedesk.core.persistence.InLists;
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
    Map<AgentId, StateTarget> targets = new LinkedHashMap<>();
    List<Plan.Row> left = new ArrayList<>();
    // a thousand agents at a time: their layers and outcomes are read per chunk and dropped after
    // it, so an undo of 50,000 agents never holds 50,000 entities (issue 20)
    for (List<Integer> chunk : InLists.of(desired.agentsOf(id))) {
      planChunk(id, chunk, targets, left);
    }
    Plan plan =
        planner.planTargets(
            ChangeAction.RESTORE, null, targets, true, known.apply(ChangePlanner.ids(targets)));
    plan.rows.addAll(left);
    return plan;
  }

  /**
   * The decisions for a chunk of the agents with a layer of change {@code id} (the desired store's
   * ids): {@link RestoreDecision#decide} for each, with its layers and outcome read for the chunk.
   */
  private void planChunk(
      long id, List<Integer> chunk, Map<AgentId, StateTarget> targets, List<Plan.Row> left) {
    List<AgentId> agents = chunk.stream().map(AgentId::new).toList();
    Map<Integer, Desired> tops = desired.top(chunk);
    Map<Integer, Desired> belows = desired.below(chunk, id);
    Map<AgentId, BulkOutcome> outcomes = new HashMap<>();
    queries.outcomesOf(id, agents).forEach(o -> outcomes.put(o.agent(), o));
    for (AgentId agent : agents) {
      BulkOutcome o = outcomes.get(agent);
      Optional<RestoreDecision> decision =
          RestoreDecision.decide(
              id,
              tops.get(agent.value()),
              belows.get(agent.value()),
              o == null ? null : RestoreDecision.Outcome.of(o));
      if (decision.isEmpty()) {
        continue;
      }
      if (decision.get() instanceof RestoreDecision.Restore r) {
        targets.put(agent, r.target());
      } else if (decision.get() instanceof RestoreDecision.LeaveAlone l) {
        left.add(leftAlone(o, l.verdict(), l.reason()));
      }
    }
  }

  /**
   * The row of an agent the restore leaves alone. It sets nothing, and its outcome's target column
   * stays empty as it always was: written as a clear's, which is what that column reads as.
   */
  private static Plan.Row leftAlone(BulkOutcome o, Verdict verdict, String reason) {
    return Plan.Row.skipped(
        Plan.Found.named(o.getAgentId(), o.getAgentName(), o.getTeam()),
        StateTarget.clear(),
        verdict,
        reason);
  }
}
