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
   * An agent as the planner found it: who, and what the directory and the session store say of it
   * now. One value, so that a row is built from it and the planner's decision, not from eleven
   * positional arguments.
   *
   * @param agentId the number as the caller gave it. Why not an {@link AgentId}: a row with verdict
   *     {@link Verdict#INVALID_ID} shows (and records) a number that is not one; every other row's
   *     is, and {@link Row#agent()} gives it typed
   * @param name the directory's name, {@code null} if the planner did not find the agent there
   * @param team the directory's team, likewise
   * @param current the agent's custom state as last read ({@code null}: none or not known)
   * @param availability the agent's session now, {@code null} if the planner did not look
   * @param stateKnown whether {@code current} was read at all
   */
  record Found(
      int agentId,
      String name,
      String team,
      Integer current,
      Availability availability,
      boolean stateKnown) {

    /** Only the number: an agent the planner skips before looking it up. */
    static Found only(int agentId) {
      return new Found(agentId, null, null, null, null, false);
    }

    /** A name and a team known from elsewhere (an earlier change's outcome), nothing now. */
    static Found named(int agentId, String name, String team) {
      return new Found(agentId, name, team, null, null, false);
    }
  }

  /**
   * One agent of the plan: the agent as found, and what the change does to it.
   *
   * @param target what the change does to the agent
   * @param verdict what the preview says will happen
   * @param status the outcome's status when the change is made ({@code SKIPPED} or {@code PENDING})
   * @param reason why it is skipped, for people; {@code null} when it is not
   * @param note what happens to a desired state the agent has from another change, or {@code null}
   */
  record Row(
      Found found,
      StateTarget target,
      Verdict verdict,
      OutcomeStatus status,
      String reason,
      String note) {

    int agentId() {
      return found.agentId();
    }

    BulkStore.Planned planned() {
      return new BulkStore.Planned(
          found.agentId(),
          found.name(),
          found.team(),
          target,
          found.current(),
          found.stateKnown(),
          status,
          reason);
    }

    /**
     * The agent, typed.
     *
     * @throws IllegalArgumentException for a {@link Verdict#INVALID_ID} row
     */
    AgentId agent() {
      return new AgentId(found.agentId());
    }

    /** Whether the change intends a state for this agent (it is one of the caller's agents). */
    boolean intended() {
      return verdict == Verdict.WILL_CHANGE
          || verdict == Verdict.NO_SESSION
          || verdict == Verdict.ALREADY_IN_STATE;
    }

    /** An agent the change leaves alone, and why. */
    static Row skipped(Found found, StateTarget target, Verdict verdict, String reason) {
      return new Row(found, target, verdict, OutcomeStatus.SKIPPED, reason, null);
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
              r.found().name(),
              r.found().team(),
              r.found().current(),
              r.found().availability(),
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
