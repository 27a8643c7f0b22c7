package io.statedesk.core.bulk;

import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.bulk.BulkExceptions.ChangeNotFoundException;
import io.statedesk.core.bulk.BulkExceptions.ChangeStateException;
import io.statedesk.core.bulk.BulkExceptions.ConfirmationRequiredException;
import io.statedesk.core.bulk.BulkExceptions.InvalidChangeException;
import io.statedesk.core.catalog.CatalogExceptions.StateCodeNotFoundException;
import io.statedesk.core.catalog.StateCatalog;
import io.statedesk.core.catalog.StateCode;
import io.statedesk.core.directory.AgentDirectory;
import io.statedesk.core.directory.DirectoryAgent;
import io.statedesk.core.security.AccessDeniedException;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import io.statedesk.core.session.AgentSessions;
import io.statedesk.core.session.Availability;
import io.statedesk.core.team.TeamScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The bulk-change service: preview, make, follow, cancel, retry, undo, history, export. Every
 * method checks the caller here, whatever page or API calls it: supervisors act on their teams'
 * agents only, and see the changes they made or that touched their teams; admins see and may act on
 * everything.
 */
@ApplicationScoped
public class BulkChanges {

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

  @Inject Caller caller;
  @Inject TeamScope teams;
  @Inject AgentDirectory directory;
  @Inject StateCatalog catalog;
  @Inject AgentSessions sessions;
  @Inject BulkSettings settings;
  @Inject BulkStore store;
  @Inject BulkEngine engine;
  @Inject AuditLog audit;

  /** What {@code request} would do, agent by agent; nothing is written. */
  public Preview preview(ChangeRequest request) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    return plan(request).preview();
  }

  /** The change made, and whether it was made now or found by its idempotency key. */
  public record Submitted(ChangeView change, boolean created) {}

  /**
   * Makes the change: writes it and one outcome per agent, then starts it on the engine.
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
    Plan plan = plan(request);
    return make(plan, request, key, ChangeKind.NEW, null);
  }

  private Submitted make(
      Plan plan, ChangeRequest request, String key, ChangeKind kind, Long origin) {
    int total = plan.rows.size();
    if (total > settings.confirmAbove()
        && (request.confirmCount() == null || request.confirmCount() != total)) {
      throw new ConfirmationRequiredException(total, settings.confirmAbove());
    }
    String note =
        request.note() == null || request.note().isBlank() ? null : request.note().strip();
    if (note != null && note.length() > 500) {
      throw new InvalidChangeException("note", "The note may have at most 500 characters");
    }
    boolean verify = request.verify() == null ? settings.verify() : request.verify();
    BulkChange change =
        new BulkChange(
            caller.name(),
            Instant.now(),
            kind,
            origin,
            plan.action,
            plan.code == null ? null : plan.code.getCode(),
            plan.code == null ? null : plan.code.getLabel(),
            plan.code == null ? null : plan.code.getColour(),
            note,
            key,
            verify,
            total);
    List<BulkStore.Planned> outcomes = new ArrayList<>(total);
    for (PlanRow r : plan.rows) {
      outcomes.add(r.planned());
    }
    BulkChange saved;
    try {
      saved = store.create(change, outcomes);
    } catch (RuntimeException e) {
      return madeBefore(key).orElseThrow(() -> e); // a double submit racing us: one change
    }
    if (plan.code != null) {
      catalog.markUsed(plan.code.getCode());
    }
    audit.record(
        caller.name(),
        "bulk.submitted",
        "change " + saved.getId(),
        kind
            + " "
            + plan.action
            + (plan.code == null
                ? ""
                : " " + plan.code.getCode() + " '" + plan.code.getLabel() + "'")
            + " on "
            + total
            + " agent(s)"
            + (origin == null ? "" : " from change " + origin)
            + (note == null ? "" : "; note: " + note),
        null);
    engine.launch(saved.getId());
    return new Submitted(view(store.find(saved.getId()).orElseThrow()), true);
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
    return store.outcomes(id, statuses, outcomeScope(c), first, Math.min(max, 1000));
  }

  public long countOutcomes(long id, Set<OutcomeStatus> statuses) {
    BulkChange c = visible(id);
    return store.countOutcomes(id, statuses, outcomeScope(c));
  }

  /** Asks a running change to stop: calls in flight finish, the rest end as cancelled. */
  public ChangeView cancel(long id) {
    BulkChange c = mayAct(id);
    if (c.getStatus().isFinished() || !store.requestCancel(id)) {
      throw new ChangeStateException(
          "Change " + id + " is " + c.getStatus().name().toLowerCase() + ": nothing to cancel");
    }
    audit.record(caller.name(), "bulk.cancel.requested", "change " + id, null, null);
    return get(id);
  }

  /** A new change for the agents of {@code id} that failed or had no session. */
  public Submitted retryFailed(long id, String idempotencyKey) {
    BulkChange origin = mayAct(id);
    if (!origin.getStatus().isFinished()) {
      throw new ChangeStateException("Change " + id + " is still running: retry when it has ended");
    }
    String key = cleanKey(idempotencyKey);
    Optional<Submitted> before = madeBefore(key);
    if (before.isPresent()) {
      return before.get();
    }
    List<BulkOutcome> failed = new ArrayList<>();
    Set<OutcomeStatus> again = Set.of(OutcomeStatus.FAILED, OutcomeStatus.NO_SESSION);
    long n = store.countOutcomes(id, again, null);
    for (int first = 0; first < n; first += 1000) {
      failed.addAll(store.outcomes(id, again, null, first, 1000));
    }
    if (failed.isEmpty()) {
      throw new ChangeStateException("Change " + id + " has no failed agents to retry");
    }
    Map<Integer, Integer> targets = new LinkedHashMap<>();
    failed.forEach(o -> targets.put(o.getAgentId(), o.getTargetState()));
    StateCode code = origin.getCode() == null ? null : activeCode(origin.getCode());
    Plan plan = planTargets(origin.getAction(), code, targets, false);
    return make(
        plan,
        new ChangeRequest(
            null,
            null,
            null,
            false,
            "Retry of change " + id,
            key,
            origin.isVerify(),
            plan.rows.size()),
        key,
        ChangeKind.RETRY,
        id);
  }

  /**
   * A new change that gives each agent that {@code id} changed the custom state it had before
   * (clearing it where there was none); agents whose earlier state is unknown are skipped.
   */
  public Submitted undo(long id, String idempotencyKey) {
    BulkChange origin = mayAct(id);
    if (!origin.getStatus().isFinished()) {
      throw new ChangeStateException(
          "Change " + id + " is still running: undo it when it has ended");
    }
    String key = cleanKey(idempotencyKey);
    Optional<Submitted> before = madeBefore(key);
    if (before.isPresent()) {
      return before.get();
    }
    Set<OutcomeStatus> succeeded = Set.of(OutcomeStatus.SUCCEEDED);
    long n = store.countOutcomes(id, succeeded, null);
    if (n == 0) {
      throw new ChangeStateException("Change " + id + " changed no agent: nothing to undo");
    }
    Map<Integer, Integer> targets = new LinkedHashMap<>();
    Set<Integer> unknown = new TreeSet<>();
    for (int first = 0; first < n; first += 1000) {
      for (BulkOutcome o : store.outcomes(id, succeeded, null, first, 1000)) {
        if (o.isPreviousKnown()) {
          targets.put(o.getAgentId(), o.getPreviousState());
        } else {
          unknown.add(o.getAgentId());
        }
      }
    }
    Plan plan = planTargets(ChangeAction.RESTORE, null, targets, true);
    for (int agent : unknown) {
      plan.rows.add(
          new PlanRow(
              agent,
              null,
              null,
              null,
              null,
              false,
              null,
              Verdict.ALREADY_IN_STATE,
              OutcomeStatus.SKIPPED,
              "The state before the change is not known, so it is not restored"));
    }
    return make(
        plan,
        new ChangeRequest(
            null,
            null,
            null,
            false,
            "Undo of change " + id,
            key,
            origin.isVerify(),
            plan.rows.size()),
        key,
        ChangeKind.UNDO,
        id);
  }

  /** A page of the changes the caller may see, newest first. */
  public List<ChangeView> history(HistoryFilter filter, int first, int max) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    List<ChangeView> views = new ArrayList<>();
    for (BulkChange c :
        store.history(filter, historyUser(), teams.callerTeams(), first, Math.min(max, 500))) {
      views.add(view(c));
    }
    return views;
  }

  public long countHistory(HistoryFilter filter) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    return store.countHistory(filter, historyUser(), teams.callerTeams());
  }

  /** The outcomes the caller may see, as CSV (UTF-8, header row); no Guid is ever stored. */
  public byte[] exportCsv(long id) {
    BulkChange c = visible(id);
    Set<String> scope = outcomeScope(c);
    StringWriter out = new StringWriter();
    try (CSVPrinter csv =
        CSVFormat.DEFAULT
            .builder()
            .setHeader(
                "change",
                "agent",
                "name",
                "team",
                "target",
                "previous",
                "outcome",
                "verified",
                "retcode",
                "reason",
                "attempts",
                "duration_ms",
                "finished_at")
            .build()
            .print(out)) {
      long n = store.countOutcomes(id, null, scope);
      for (int first = 0; first < n; first += 1000) {
        for (BulkOutcome o : store.outcomes(id, null, scope, first, 1000)) {
          csv.printRecord(
              id,
              o.getAgentId(),
              safe(o.getAgentName()),
              safe(o.getTeam()),
              o.getTargetState() == null ? "clear" : o.getTargetState(),
              o.isPreviousKnown()
                  ? (o.getPreviousState() == null ? "none" : o.getPreviousState())
                  : "unknown",
              o.getStatus(),
              o.isVerified(),
              o.getRetcode(),
              safe(o.getReason()),
              o.getAttempts(),
              o.getDurationMs(),
              o.getFinishedAt());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  /** Neutralises spreadsheet formulas in user-supplied text (CSV injection). */
  static String safe(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    char c = text.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r'
        ? "'" + text
        : text;
  }

  /** The default for new changes' read-back, and the confirmation threshold, for the pages. */
  public boolean verifyByDefault() {
    return settings.verify();
  }

  public int confirmAbove() {
    return settings.confirmAbove();
  }

  // ------------------------------------------------------------------------------ internals

  private String historyUser() {
    return teams.callerSeesAll() ? null : caller.name();
  }

  private BulkChange visible(long id) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    BulkChange c = store.find(id).orElseThrow(() -> new ChangeNotFoundException(id));
    if (teams.callerSeesAll()
        || c.getCreatedBy().equals(caller.name())
        || store.touches(id, teams.callerTeams())) {
      return c;
    }
    throw new ChangeNotFoundException(id);
  }

  private BulkChange mayAct(long id) {
    BulkChange c = visible(id);
    if (!teams.callerSeesAll() && !c.getCreatedBy().equals(caller.name())) {
      throw new AccessDeniedException(
          "Only " + c.getCreatedBy() + " (who made change " + id + ") or an admin may do that");
    }
    return c;
  }

  /** null = every outcome; else the caller's teams (another supervisor's change). */
  private Set<String> outcomeScope(BulkChange c) {
    return teams.callerSeesAll() || c.getCreatedBy().equals(caller.name())
        ? null
        : teams.callerTeams();
  }

  private ChangeView view(BulkChange c) {
    return ChangeView.of(c, store.counts(c.getId()));
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
      throw new InvalidChangeException(
          "idempotencyKey",
          "The idempotency key must be 1 to 100 letters, digits, dots, dashes, colons or underscores");
    }
    return k;
  }

  private StateCode activeCode(int code) {
    StateCode found;
    try {
      found = catalog.get(code);
    } catch (StateCodeNotFoundException e) {
      throw new InvalidChangeException(
          "code", "State code " + code + " is not in the catalog, or not offered to your teams");
    }
    if (!found.isActive()) {
      throw new InvalidChangeException(
          "code", "State code " + code + " is deactivated: choose an active code");
    }
    if (!teams.callerSeesAll()
        && !found.isAllTeams()
        && found.getTeams().stream().noneMatch(teams.callerTeams()::contains)) {
      throw new InvalidChangeException(
          "code", "State code " + code + " is not offered to your teams");
    }
    return found;
  }

  private Plan plan(ChangeRequest request) {
    if (request.clear() && request.code() != null) {
      throw new InvalidChangeException("code", "Give a state code or clear, not both");
    }
    if (!request.clear() && request.code() == null) {
      throw new InvalidChangeException("code", "Choose a state code to set, or clear");
    }
    StateCode code = request.clear() ? null : activeCode(request.code());
    List<Integer> ids;
    if (request.agentIds() != null) {
      if (request.filter() != null) {
        throw new InvalidChangeException("agents", "Give agent ids or a filter, not both");
      }
      ids = request.agentIds();
    } else if (request.filter() != null) {
      ids = directory.ids(request.filter());
    } else {
      throw new InvalidChangeException("agents", "Choose the agents: ids or a filter");
    }
    Set<Integer> unique = new TreeSet<>();
    for (Integer id : ids) {
      if (id == null) {
        throw new InvalidChangeException("agents", "An agent id is missing (null) in the list");
      }
      unique.add(id);
    }
    if (unique.isEmpty()) {
      throw new InvalidChangeException("agents", "No agents chosen (or none match the filter)");
    }
    if (unique.size() > settings.maxAgents()) {
      throw new InvalidChangeException(
          "agents",
          unique.size()
              + " agents is more than one change may hold ("
              + settings.maxAgents()
              + ")");
    }
    Map<Integer, Integer> targets = new LinkedHashMap<>();
    Integer target = code == null ? null : code.getCode();
    unique.forEach(id -> targets.put(id, target));
    return planTargets(code == null ? ChangeAction.CLEAR : ChangeAction.SET, code, targets, false);
  }

  /** Verdicts for agents with their targets (null = clear), within the caller's scope. */
  private Plan planTargets(
      ChangeAction action,
      StateCode code,
      Map<Integer, Integer> targets,
      boolean callAlreadyInState) {
    Map<Integer, DirectoryAgent> known = directory.visible(targets.keySet());
    Plan plan = new Plan(action, code);
    for (Map.Entry<Integer, Integer> e : targets.entrySet()) {
      int id = e.getKey();
      Integer target = e.getValue();
      if (id < 101 || id > 999_999) {
        plan.rows.add(
            new PlanRow(
                id,
                null,
                null,
                null,
                null,
                false,
                target,
                Verdict.INVALID_ID,
                OutcomeStatus.SKIPPED,
                "Not a gateway agent id (101..999999)"));
        continue;
      }
      DirectoryAgent a = known.get(id);
      if (a == null) {
        plan.rows.add(
            new PlanRow(
                id,
                null,
                null,
                null,
                null,
                false,
                target,
                Verdict.OUT_OF_SCOPE,
                OutcomeStatus.SKIPPED,
                "Not one of your agents (unknown, or in another team)"));
        continue;
      }
      boolean stateKnown = a.getCustomStateAt() != null;
      Integer current = a.getCustomState();
      boolean already = stateKnown && (target == null ? current == null : target.equals(current));
      Availability availability = sessions.availability(id);
      Verdict verdict;
      OutcomeStatus status = OutcomeStatus.PENDING;
      String reason = null;
      if (already && !callAlreadyInState) {
        verdict = Verdict.ALREADY_IN_STATE;
        status = OutcomeStatus.SKIPPED;
        reason = "Already in that state";
      } else if (availability == Availability.HOSTED || availability == Availability.RELAYED) {
        verdict = Verdict.WILL_CHANGE;
      } else {
        verdict = Verdict.NO_SESSION;
      }
      plan.rows.add(
          new PlanRow(
              id,
              a.getName(),
              a.getTeam(),
              current,
              availability.name(),
              stateKnown,
              target,
              verdict,
              status,
              reason));
    }
    return plan;
  }

  private final class Plan {
    final ChangeAction action;
    final StateCode code;
    final List<PlanRow> rows = new ArrayList<>();

    Plan(ChangeAction action, StateCode code) {
      this.action = action;
      this.code = code;
    }

    Preview preview() {
      Map<Verdict, Integer> totals = new EnumMap<>(Verdict.class);
      List<Preview.Row> out = new ArrayList<>(rows.size());
      for (PlanRow r : rows) {
        totals.merge(r.verdict, 1, Integer::sum);
        out.add(new Preview.Row(r.agentId, r.name, r.team, r.current, r.availability, r.verdict));
      }
      return new Preview(
          out,
          totals,
          action,
          code == null ? null : code.getCode(),
          code == null ? null : code.getLabel(),
          rows.size() > settings.confirmAbove());
    }
  }

  private record PlanRow(
      int agentId,
      String name,
      String team,
      Integer current,
      String availability,
      boolean stateKnown,
      Integer target,
      Verdict verdict,
      OutcomeStatus status,
      String reason) {

    BulkStore.Planned planned() {
      return new BulkStore.Planned(
          agentId, name, team, target, current, stateKnown, status, reason);
    }
  }
}
