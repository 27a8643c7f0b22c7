package io.statedesk.core.bulk;

import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.catalog.StateCatalog;
import io.statedesk.core.catalog.StateCode;
import io.statedesk.core.desired.DesiredStore;
import io.statedesk.core.gateway.AgentId;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Writes a planned change: the change, one outcome per agent, and its desired states (or, for an
 * undo or revert, the removal of the origin's), then starts it on the engine. No authorization
 * here: {@link BulkChanges} checks the caller, and the scheduler acts for a schedule's creator
 * whose authority was checked when the schedule was made.
 */
@ApplicationScoped
class ChangeMaker {

  /** Who makes the change and how. */
  record Making(
      String by,
      ChangeKind kind,
      Long origin,
      String note,
      String key,
      boolean verify,
      Instant until) {}

  @Inject BulkStore store;
  @Inject DesiredStore desired;
  @Inject StateCatalog catalog;
  @Inject AuditLog audit;
  @Inject BulkEngine engine;

  /** Persists and launches the change; a duplicate idempotency key fails in the store. */
  BulkChange make(Plan plan, Making m) {
    int total = plan.rows.size();
    BulkChange change =
        new BulkChange(
            m.by(),
            Instant.now(),
            m.kind(),
            m.origin(),
            plan.action,
            plan.code == null ? null : plan.code.getCode(),
            plan.code == null ? null : plan.code.getLabel(),
            plan.code == null ? null : plan.code.getColour(),
            m.note(),
            m.key(),
            m.verify(),
            total);
    List<BulkStore.Planned> outcomes = new ArrayList<>(total);
    for (Plan.Row r : plan.rows) {
      outcomes.add(r.planned());
    }
    BulkChange saved = store.create(change, outcomes, targetCodes(plan));
    if (plan.action == ChangeAction.RESTORE) {
      desired.remove(m.origin());
    } else {
      desired.add(saved.getId(), m.by(), columns(plan.desired()), m.until());
    }
    if (plan.code != null) {
      catalog.markUsed(plan.code.getCode());
    }
    audit.record(
        m.by(),
        AuditAction.BULK_SUBMITTED,
        "change " + saved.getId(),
        m.kind()
            + " "
            + plan.action
            + (plan.code == null
                ? ""
                : " " + plan.code.getCode() + " '" + plan.code.getLabel() + "'")
            + " on "
            + total
            + " agent(s)"
            + (m.origin() == null ? "" : " from change " + m.origin())
            + (m.until() == null ? "" : " until " + m.until())
            + (m.note() == null ? "" : "; note: " + m.note()),
        null);
    engine.launch(saved.getId());
    return saved;
  }

  /** Targets as the desired store keeps them: agent id to code ({@code null} = none). */
  private static Map<Integer, Integer> columns(Map<AgentId, StateTarget> targets) {
    Map<Integer, Integer> columns = new HashMap<>();
    targets.forEach((agent, target) -> columns.put(agent.value(), target.column()));
    return columns;
  }

  /** The catalog codes the change's agents get, as they are now. */
  private Collection<StateCode> targetCodes(Plan plan) {
    Set<Integer> codes = new TreeSet<>();
    for (Plan.Row r : plan.rows) {
      r.target().code().ifPresent(c -> codes.add(c.value()));
    }
    List<StateCode> found = new ArrayList<>();
    for (int code : codes) {
      store.stateCode(code).ifPresent(found::add);
    }
    return found;
  }
}
