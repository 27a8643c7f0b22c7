package io.statedesk.core.bulk;

import io.statedesk.core.catalog.StateCode;
import io.statedesk.core.gateway.AgentId;
import io.statedesk.core.session.Availability;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** What a change will do, agent by agent: the planner's result, before anything is written. */
final class Plan {

  /**
   * One agent of the plan.
   *
   * @param agentId the number as the caller gave it. Why not an {@link AgentId}: a row with verdict
   *     {@link Verdict#INVALID_ID} shows (and records) a number that is not one; every other row's
   *     is, and {@link #agent()} gives it typed
   * @param current the agent's custom state as last read ({@code null}: none or not known)
   * @param target what the change does to the agent
   */
  record Row(
      int agentId,
      String name,
      String team,
      Integer current,
      Availability availability,
      boolean stateKnown,
      StateTarget target,
      Verdict verdict,
      OutcomeStatus status,
      String reason,
      String note) {

    BulkStore.Planned planned() {
      return new BulkStore.Planned(
          agentId, name, team, target, current, stateKnown, status, reason);
    }

    /**
     * The agent, typed.
     *
     * @throws IllegalArgumentException for a {@link Verdict#INVALID_ID} row
     */
    AgentId agent() {
      return new AgentId(agentId);
    }

    /** Whether the change intends a state for this agent (it is one of the caller's agents). */
    boolean intended() {
      return verdict == Verdict.WILL_CHANGE
          || verdict == Verdict.NO_SESSION
          || verdict == Verdict.ALREADY_IN_STATE;
    }

    static Row skipped(int agentId, StateTarget target, Verdict verdict, String reason) {
      return new Row(
          agentId,
          null,
          null,
          null,
          null,
          false,
          target,
          verdict,
          OutcomeStatus.SKIPPED,
          reason,
          null);
    }
  }

  final ChangeAction action;
  final StateCode code;
  final List<Row> rows = new ArrayList<>();

  Plan(ChangeAction action, StateCode code) {
    this.action = action;
    this.code = code;
  }

  /** The desired states this change writes: its target for each agent it intends a state for. */
  Map<AgentId, StateTarget> desired() {
    Map<AgentId, StateTarget> targets = new HashMap<>();
    for (Row r : rows) {
      if (r.intended()) {
        targets.put(r.agent(), r.target());
      }
    }
    return targets;
  }

  Preview preview(int confirmAbove) {
    Map<Verdict, Integer> totals = new EnumMap<>(Verdict.class);
    List<Preview.Row> out = new ArrayList<>(rows.size());
    for (Row r : rows) {
      totals.merge(r.verdict(), 1, Integer::sum);
      out.add(
          new Preview.Row(
              r.agentId(),
              r.name(),
              r.team(),
              r.current(),
              r.availability(),
              r.verdict(),
              r.note()));
    }
    return new Preview(
        out,
        totals,
        action,
        code == null ? null : code.getCode(),
        code == null ? null : code.getLabel(),
        rows.size() > confirmAbove);
  }
}
