package io.statedesk.core.schedule;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.bulk.BulkChanges;
import io.statedesk.core.bulk.BulkExceptions.ChangeNotFoundException;
import io.statedesk.core.bulk.BulkExceptions.ChangeStateException;
import io.statedesk.core.bulk.BulkExceptions.InvalidChangeException;
import io.statedesk.core.bulk.ChangeRequest;
import io.statedesk.core.bulk.Preview;
import io.statedesk.core.bulk.Verdict;
import io.statedesk.core.problem.Text;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The schedule service: preview, schedule, edit and cancel before the start, list. Supervisors
 * schedule for their teams' agents (fixed when scheduled) and see their own schedules; admins see
 * and may act on all.
 */
@ApplicationScoped
public class Schedules {

  private static final Set<Verdict> INTENDED =
      Set.of(Verdict.WILL_CHANGE, Verdict.NO_SESSION, Verdict.ALREADY_IN_STATE);

  /**
   * What to schedule.
   *
   * @param change the agents, the state and the note (as for a change made now)
   * @param startAt when it starts (UTC)
   * @param revertAt when it reverts, or {@code null}
   * @param revertAfter or how long after the start it reverts, or {@code null}
   */
  public record ScheduleRequest(
      ChangeRequest change, Instant startAt, Instant revertAt, Duration revertAfter) {

    /** The revert time, from {@code revertAt} or {@code revertAfter}. */
    Instant revert() {
      if (revertAt != null && revertAfter != null) {
        throw new InvalidChangeException("revertAt", Text.of("schedule.revert.both"));
      }
      return revertAfter == null ? revertAt : startAt.plus(revertAfter);
    }
  }

  @Inject Caller caller;
  @Inject TeamScope teams;
  @Inject BulkChanges changes;
  @Inject ScheduleStore store;
  @Inject AuditLog audit;

  /** What the change would do to each agent now, with what happens to desired states it covers. */
  public Preview preview(ScheduleRequest request) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    times(request.startAt(), request.revert());
    return changes.preview(request.change());
  }

  /** The schedule made, and whether it was made now or found by its idempotency key. */
  public record Scheduled(ScheduleView schedule, boolean created) {}

  /** Schedules the change; the same idempotency key from the same user schedules it once. */
  public Scheduled schedule(ScheduleRequest request) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    String key = request.change().idempotencyKey();
    if (key != null && !key.isBlank()) {
      Optional<ScheduledChange> before = store.findByKey(caller.name(), key.strip());
      if (before.isPresent()) {
        return new Scheduled(ScheduleView.of(before.get()), false);
      }
    }
    Instant revert = request.revert();
    times(request.startAt(), revert);
    Preview preview = changes.preview(request.change());
    preview.requireOffered();
    List<Integer> agents =
        preview.rows().stream()
            .filter(r -> INTENDED.contains(r.verdict()))
            .map(Preview.Row::agentId)
            .toList();
    if (agents.isEmpty()) {
      throw new InvalidChangeException("agents", Text.of("schedule.agents.none"));
    }
    ScheduledChange s =
        new ScheduledChange(
            caller.name(),
            Instant.now(),
            agents,
            request.change().target().column(),
            request.change().note() == null || request.change().note().isBlank()
                ? null
                : request.change().note().strip(),
            key == null || key.isBlank() ? null : key.strip(),
            request.startAt(),
            revert);
    ScheduledChange made = store.create(s);
    audit.record(
        caller.name(),
        AuditAction.SCHEDULE_CREATED,
        "schedule " + made.getId(),
        (made.getCode() == null ? "clear" : "state " + made.getCode())
            + " on "
            + agents.size()
            + " agent(s) at "
            + made.getStartAt()
            + (revert == null ? "" : " until " + revert),
        null);
    return new Scheduled(ScheduleView.of(made), true);
  }

  /** Changes the state and times of a schedule that has not started. */
  public ScheduleView edit(long id, Integer code, Instant startAt, Instant revertAt) {
    ScheduledChange s = mine(id);
    times(startAt, revertAt);
    if (code != null) {
      // a code the caller may set, offered to the agents' teams
      changes.preview(ChangeRequest.set(s.getAgents(), code)).requireOffered();
    }
    if (!store.beforeStart(id, x -> x.edit(code, startAt, revertAt))) {
      throw new ChangeStateException(Text.of("schedule.started.edit", id));
    }
    audit.record(
        caller.name(),
        AuditAction.SCHEDULE_EDITED,
        "schedule " + id,
        "before state "
            + s.getCode()
            + " at "
            + s.getStartAt()
            + " until "
            + s.getRevertAt()
            + " after state "
            + (code == null ? s.getCode() : code)
            + " at "
            + startAt
            + " until "
            + revertAt,
        null);
    return get(s.getId());
  }

  /** Cancels a schedule that has not started; cancelling twice is fine. */
  public ScheduleView cancel(long id) {
    ScheduledChange s = mine(id);
    if (s.getStatus() == ScheduleStatus.CANCELLED) {
      return ScheduleView.of(s);
    }
    if (!store.beforeStart(
        id, x -> x.status(ScheduleStatus.CANCELLED, "Cancelled by " + caller.name()))) {
      throw new ChangeStateException(Text.of("schedule.started.cancel", id));
    }
    audit.record(caller.name(), AuditAction.SCHEDULE_CANCELLED, "schedule " + id, null, null);
    return get(id);
  }

  public ScheduleView get(long id) {
    return ScheduleView.of(mine(id));
  }

  /** The caller's schedules (admins: all), soonest first. */
  public List<ScheduleView> list(boolean openOnly) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    String user = teams.callerSeesAll() ? null : caller.name();
    return store.list(user, openOnly, 500).stream().map(ScheduleView::of).toList();
  }

  private ScheduledChange mine(long id) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    ScheduledChange s = store.find(id).orElseThrow(() -> new ChangeNotFoundException(id));
    if (!teams.callerSeesAll() && !s.getCreatedBy().equals(caller.name())) {
      throw new ChangeNotFoundException(id);
    }
    return s;
  }

  private static void times(Instant startAt, Instant revertAt) {
    if (startAt == null) {
      throw new InvalidChangeException("startAt", Text.of("schedule.start.required"));
    }
    if (startAt.isBefore(Instant.now().minusSeconds(60))) {
      throw new InvalidChangeException("startAt", Text.of("schedule.start.past"));
    }
    if (revertAt != null && !revertAt.isAfter(startAt)) {
      throw new InvalidChangeException("revertAt", Text.of("schedule.revert.beforeStart"));
    }
  }
}
