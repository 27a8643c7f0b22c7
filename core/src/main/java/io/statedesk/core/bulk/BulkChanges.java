package io.statedesk.core.bulk;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.bulk.BulkExceptions.ChangeNotFoundException;
import io.statedesk.core.bulk.BulkExceptions.ChangeStateException;
import io.statedesk.core.bulk.BulkExceptions.ConfirmationRequiredException;
import io.statedesk.core.bulk.BulkExceptions.InvalidChangeException;
import io.statedesk.core.catalog.StateCatalog;
import io.statedesk.core.catalog.StateCode;
import io.statedesk.core.directory.AgentDirectory;
import io.statedesk.core.gateway.AgentId;
import io.statedesk.core.problem.Text;
import io.statedesk.core.security.AccessDeniedException;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The bulk-change service: preview, make, follow, cancel, retry, undo, export. Every method checks
 * the caller here, whatever page or API calls it: supervisors act on their teams' agents only, and
 * see the changes they made or that touched their teams; admins see and may act on everything.
 * Planning, writing and exporting live in {@link ChangePlanner}, {@link RestorePlanner}, {@link
 * ChangeMaker} and {@link ChangeExport}; the lists of changes (history, open, failed) in {@link
 * ChangeHistory}.
 */
@ApplicationScoped
public class BulkChanges {

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  @Inject Caller caller;
  @Inject TeamScope teams;
  @Inject AgentDirectory directory;
  @Inject StateCatalog catalog;
  @Inject BulkSettings settings;
  @Inject BulkStore store;
  @Inject ChangeQueries queries;
  @Inject ChangePlanner planner;
  @Inject RestorePlanner restorer;
  @Inject ChangeMaker maker;
  @Inject ChangeExport export;
  @Inject ChangeLinks links;
  @Inject AuditLog audit;

  /** What {@code request} would do, agent by agent; nothing is written. */
  public Preview preview(ChangeRequest request) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    return planner.plan(request).preview(settings.confirmAbove());
  }

  /**
   * Rows of {@link #preview}, {@code max} agents from the {@code first} in id order, as they are
   * now: a page of a preview whose {@link Preview#summary()} a page keeps.
   */
  public List<Preview.Row> previewRows(ChangeRequest request, int first, int max) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    return planner
        .plan(request, first, Math.min(max, 1000))
        .preview(settings.confirmAbove())
        .rows();
  }

  /** The change made, and whether it was made now or found by its idempotency key. */
  public record Submitted(ChangeView change, boolean created) {}

  /**
   * Makes the change: writes it, one outcome and one desired state per agent, then starts it.
   *
   * @throws InvalidChangeException for a wrong request (naming the field)
   * @throws ConfirmationRequiredException above {@code statedesk.bulk.confirm-above} agents unless
   *     {@code confirmCount} equals the number of agents
   */
  public Submitted submit(ChangeRequest request) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    String key = cleanKey(request.idempotencyKey());
    Optional<Submitted> before = madeBefore(key);
    if (before.isPresent()) {
      return before.get();
    }
    Plan plan = planner.plan(request);
    plan.preview(settings.confirmAbove()).requireOffered();
    confirm(plan, request.confirmCount());
    boolean verify = request.verify() == null ? settings.verify() : request.verify();
    return make(
        plan,
        new ChangeMaker.Making(
            caller.name(), ChangeKind.NEW, null, cleanNote(request.note()), key, verify, null));
  }

  private void confirm(Plan plan, Integer confirmCount) {
    int total = plan.rows.size();
    if (total > settings.confirmAbove() && (confirmCount == null || confirmCount != total)) {
      throw new ConfirmationRequiredException(total, settings.confirmAbove());
    }
  }

  private Submitted make(Plan plan, ChangeMaker.Making making) {
    BulkChange saved;
    try {
      saved = maker.make(plan, making);
    } catch (RuntimeException e) {
      // a double submit racing us: one change
      return madeBefore(making.key()).orElseThrow(() -> e);
    }
    return new Submitted(view(store.find(saved.getId()).orElseThrow()), true);
  }

  static String cleanNote(String note) {
    String n = note == null || note.isBlank() ? null : note.strip();
    if (n != null && n.length() > 500) {
      throw new InvalidChangeException("note", Text.of("bulk.note.length"));
    }
    return n;
  }

  /** One change with its counts. */
  public ChangeView get(long id) {
    return view(visible(id));
  }

  /**
   * Outcomes of a change by agent id. Supervisors see their teams' agents of other people's
   * changes; all agents of their own.
   */
  public List<BulkOutcome> outcomes(long id, Set<OutcomeStatus> statuses, int first, int max) {
    BulkChange c = visible(id);
    return queries.outcomes(id, statuses, outcomeScope(c), first, Math.min(max, 1000));
  }

  public long countOutcomes(long id, Set<OutcomeStatus> statuses) {
    BulkChange c = visible(id);
    return queries.countOutcomes(id, statuses, outcomeScope(c));
  }

  /** The outcomes the caller may see, counted by status in one consistent read. */
  public Map<OutcomeStatus, Long> countOutcomesByStatus(long id) {
    BulkChange c = visible(id);
    return queries.countOutcomesByStatus(id, outcomeScope(c));
  }

  /** Asks a running change to stop: calls in flight finish, the rest end as cancelled. */
  public ChangeView cancel(long id) {
    BulkChange c = mayAct(id);
    if (c.getStatus().isFinished() || !store.requestCancel(id)) {
      throw new ChangeStateException(
          Text.of("bulk.cancel.finished", id, Text.of("bulk.status." + c.getStatus().name())));
    }
    audit.record(caller.name(), AuditAction.BULK_CANCEL_REQUESTED, "change " + id, null, null);
    return get(id);
  }

  /** A new change for the agents of {@code id} that failed or had no session. */
  public Submitted retryFailed(long id, String idempotencyKey) {
    BulkChange origin = mayAct(id);
    if (!origin.getStatus().isFinished()) {
      throw new ChangeStateException(Text.of("bulk.retry.running", id));
    }
    String key = cleanKey(idempotencyKey);
    Optional<Submitted> before = madeBefore(key);
    if (before.isPresent()) {
      return before.get();
    }
    Set<OutcomeStatus> again = Set.of(OutcomeStatus.FAILED, OutcomeStatus.NO_SESSION);
    Map<AgentId, StateTarget> targets = new LinkedHashMap<>();
    long n = queries.countOutcomes(id, again, null);
    for (int first = 0; first < n; first += 1000) {
      queries
          .outcomes(id, again, null, first, 1000)
          .forEach(o -> targets.put(o.agent(), o.target()));
    }
    if (targets.isEmpty()) {
      throw new ChangeStateException(Text.of("bulk.retry.none", id));
    }
    StateCode code = origin.getCode() == null ? null : planner.activeCode(origin.getCode());
    Plan plan =
        planner.planTargets(
            origin.getAction(),
            code,
            targets,
            false,
            directory.visible(ChangePlanner.ids(targets)));
    return make(
        plan,
        new ChangeMaker.Making(
            caller.name(),
            ChangeKind.RETRY,
            id,
            "Retry of change " + id,
            key,
            origin.isVerify(),
            null));
  }

  /**
   * A new change that gives back what change {@code id} replaced, only on agents whose desired
   * state is still this change's: the desired state below resumes, or else the state the agent had
   * before. Agents changed since by a later change are left alone and listed (outcome "skipped",
   * the reason naming the change and who made it), and the undo's note says how many.
   */
  public Submitted undo(long id, String idempotencyKey) {
    BulkChange origin = mayAct(id);
    if (!origin.getStatus().isFinished()) {
      throw new ChangeStateException(Text.of("bulk.undo.running", id));
    }
    if (origin.getAction() == ChangeAction.RESTORE) {
      throw new ChangeStateException(Text.of("bulk.undo.ofUndo", id));
    }
    Long undoneBy = links.undoneBy(id);
    String key = cleanKey(idempotencyKey);
    Optional<Submitted> before = madeBefore(key);
    if (before.isPresent()) {
      return before.get();
    }
    if (undoneBy != null) {
      throw new ChangeStateException(Text.of("bulk.undo.done", id, undoneBy));
    }
    Plan plan = restorer.plan(origin, directory::visible);
    if (plan.rows.isEmpty()) {
      throw new ChangeStateException(Text.of("bulk.undo.nothing", id));
    }
    return make(
        plan,
        new ChangeMaker.Making(
            caller.name(),
            ChangeKind.UNDO,
            id,
            restoreNote("Undo", id, plan),
            key,
            origin.isVerify(),
            null));
  }

  static String restoreNote(String what, long id, Plan plan) {
    long since = plan.rows.stream().filter(r -> r.verdict() == Verdict.CHANGED_SINCE).count();
    return what
        + " of change "
        + id
        + (since == 0
            ? ""
            : "; " + since + " agent(s) changed since by a later change, left alone");
  }

  /**
   * The export of the outcomes the caller may see (no Guid is ever stored): checked now, written
   * later a page at a time.
   */
  public OutcomeExport export(long id) {
    BulkChange c = visible(id);
    return new OutcomeExport(id, outcomeScope(c), export);
  }

  /** The default for new changes' read-back, and the confirmation threshold, for the pages. */
  public boolean verifyByDefault() {
    return settings.verify();
  }

  public int confirmAbove() {
    return settings.confirmAbove();
  }

  // ------------------------------------------------------------------------------ internals

  private BulkChange visible(long id) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    BulkChange c = store.find(id).orElseThrow(() -> new ChangeNotFoundException(id));
    if (teams.callerSeesAll()
        || c.getCreatedBy().equals(caller.name())
        || queries.touches(id, teams.callerTeams())) {
      return c;
    }
    throw new ChangeNotFoundException(id);
  }

  private BulkChange mayAct(long id) {
    BulkChange c = visible(id);
    if (!teams.callerSeesAll() && !c.getCreatedBy().equals(caller.name())) {
      throw new AccessDeniedException(Text.of("bulk.act.notOwner", c.getCreatedBy(), id));
    }
    return c;
  }

  /** null = every outcome; else the caller's teams (another supervisor's change). */
  private Set<String> outcomeScope(BulkChange c) {
    return teams.callerSeesAll() || c.getCreatedBy().equals(caller.name())
        ? null
        : teams.callerTeams();
  }

  /** A change as the pages and the API show it: with its counts and the undo that undid it. */
  ChangeView view(BulkChange c) {
    return ChangeView.of(c, store.counts(c.getId()), links.undoneBy(c.getId()));
  }

  /** The change this user already made with {@code key}, if any (idempotency). */
  private Optional<Submitted> madeBefore(String key) {
    return key == null
        ? Optional.empty()
        : store.findByKey(caller.name(), key).map(c -> new Submitted(view(c), false));
  }

  private static String cleanKey(String key) {
    if (key == null || key.isBlank()) {
      return null;
    }
    String k = key.strip();
    if (!KEY.matcher(k).matches()) {
      throw new InvalidChangeException("idempotencyKey", Text.of("bulk.idempotencyKey.format"));
    }
    return k;
  }
}
