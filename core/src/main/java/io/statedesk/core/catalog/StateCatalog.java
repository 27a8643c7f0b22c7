package io.statedesk.core.catalog;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.audit.AuditEvent;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.catalog.CatalogExceptions.StaleStateCodeException;
import io.statedesk.core.catalog.CatalogExceptions.StateCodeInUseException;
import io.statedesk.core.catalog.CatalogExceptions.StateCodeNotFoundException;
import io.statedesk.core.problem.Text;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The catalog's service: reads for supervisors (active codes) and admins (everything), changes for
 * admins only, each validated ({@link StateCodeRules}, uniqueness, reserved ranges) and audited
 * with before and after values. The caller's role is checked here, so a handcrafted request cannot
 * do what the page would not offer.
 *
 * <p>This class is the catalog's boundary: the role checks and the transactions. The work is done
 * behind it, by responsibility: reads of codes in {@link StateCodeQueries} (the admin table's
 * search in {@link StateCodeSearch}), edits of codes and their validation in {@link
 * StateCodeEdits}, reserved ranges in {@link RangeReservations}.
 */
@ApplicationScoped
public class StateCatalog {

  @Inject Caller caller;
  @Inject TeamScope teams;
  @Inject StateCodeQueries queries;
  @Inject StateCodeEdits edits;
  @Inject RangeReservations ranges;
  @Inject AuditLog audit;

  /**
   * Active codes in list order: for admins all of them, for a supervisor those offered to all teams
   * or to one of the supervisor's teams.
   */
  public List<StateCode> active() {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    return queries.active();
  }

  /**
   * Today's default label of each of {@code codes} that is still in the catalog, active or not. For
   * showing beside the label a past change kept ("labels as they were"): any supervisor or admin
   * may read it, since the change's own pages show that code already.
   */
  public Map<Integer, String> labelsToday(Collection<Integer> codes) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    return queries.labelsToday(codes);
  }

  /** Every code, active or not (admins). */
  public List<StateCode> all() {
    caller.require(Role.ADMIN);
    return queries.all();
  }

  /**
   * One code; supervisors see only active ones. In a transaction, like every read a change's plan
   * makes: outside one, Payara's non-transactional entity manager was seen closed mid-plan.
   */
  @Transactional
  public StateCode get(int code) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    StateCode found = queries.find(code).orElseThrow(() -> new StateCodeNotFoundException(code));
    if (!caller.has(Role.ADMIN)
        && (!found.isActive()
            || (!found.isAllTeams()
                && found.getTeams().stream().noneMatch(teams.callerTeams()::contains)))) {
      throw new StateCodeNotFoundException(code);
    }
    return found;
  }

  /**
   * A page of codes for the admin table.
   *
   * @param text free text on code, label or category (or {@code null})
   * @param activeOnly {@code true}/{@code false} to filter, {@code null} for both
   * @param sortField one of code, label, category, sortOrder, active
   */
  public List<StateCode> page(
      String text, Boolean activeOnly, String sortField, boolean ascending, int first, int max) {
    caller.require(Role.ADMIN);
    return queries.page(text, activeOnly, sortField, ascending, first, max);
  }

  /** How many codes the admin table's search matches (see {@link #page}). */
  public long count(String text, Boolean activeOnly) {
    caller.require(Role.ADMIN);
    return queries.count(text, activeOnly);
  }

  /**
   * Creates a code (admins).
   *
   * @throws InvalidStateCodeException naming every broken rule (range, reserved, duplicate, label
   *     ...)
   */
  @Transactional
  public StateCode create(StateCodeData data) {
    caller.require(Role.ADMIN);
    return edits.create(data);
  }

  /**
   * Updates a code (admins); {@code expectedVersion} is the version the admin edited.
   *
   * @throws StaleStateCodeException if someone else changed it since
   */
  @Transactional
  public StateCode update(int code, StateCodeData data, long expectedVersion) {
    caller.require(Role.ADMIN);
    return edits.update(code, data, expectedVersion);
  }

  /** Deactivates or reactivates a code (admins). */
  @Transactional
  public StateCode setActive(int code, boolean active) {
    caller.require(Role.ADMIN);
    return edits.setActive(code, active);
  }

  /**
   * Deletes a never-used code (admins).
   *
   * @throws StateCodeInUseException if a bulk change used it
   */
  @Transactional
  public void delete(int code) {
    caller.require(Role.ADMIN);
    edits.delete(code);
  }

  /** One code's audit trail, newest first, at most {@code limit} events (admins). */
  public List<AuditEvent> history(int code, int limit) {
    caller.require(Role.ADMIN);
    return audit.about(StateCodeEdits.subject(code), limit);
  }

  /** Reserved ranges, lowest first (admins and supervisors may read them). */
  public List<ReservedRange> reservedRanges() {
    caller.require(Role.ADMIN, Role.SUPERVISOR);
    return ranges.all();
  }

  /**
   * What reserving a range found beside it: warnings, not refusals, since an admin may mean a range
   * to overlap another (a wider one for another reason) or to hold codes made before it.
   *
   * @param range the new range
   * @param overlapping the ranges that already shared a code with it, lowest first
   * @param codesInside the existing codes inside it (they stay), lowest first
   */
  public record Reservation(
      ReservedRange range, List<ReservedRange> overlapping, List<Integer> codesInside) {

    /** The warnings as the API answers them. */
    public List<FieldError> warnings() {
      List<FieldError> warnings = new ArrayList<>();
      for (ReservedRange other : overlapping) {
        warnings.add(
            new FieldError(
                "range", Text.of("catalog.range.overlaps", ReservedRanges.describe(other))));
      }
      if (!codesInside.isEmpty()) {
        warnings.add(
            new FieldError("range", Text.of("catalog.range.holds", codesInside.toString())));
      }
      return warnings;
    }
  }

  /**
   * Reserves {@code first..last} (admins); existing codes inside stay, new ones are refused. A
   * range overlapping another, or holding codes, is reserved all the same and reported.
   */
  @Transactional
  public Reservation reserve(int first, int last, String reason) {
    caller.require(Role.ADMIN);
    return ranges.reserve(first, last, reason);
  }

  /**
   * The reserved ranges that hold {@code code}: a code made before its range, or imported again, is
   * kept and warned about (admins and supervisors may read ranges).
   */
  public List<ReservedRange> rangesHolding(int code) {
    caller.require(Role.ADMIN, Role.SUPERVISOR);
    return ranges.holding(code);
  }

  /** The warnings for {@code code}, as the API answers them. */
  public List<FieldError> insideWarnings(int code) {
    return rangesHolding(code).stream().map(r -> ReservedRanges.inside(code, r)).toList();
  }

  /** Releases a reserved range (admins). */
  @Transactional
  public void unreserve(long id) {
    caller.require(Role.ADMIN);
    ranges.unreserve(id);
  }

  /**
   * Creates codes on behalf of the system (demo seeding): same rules and audit, no caller check.
   * Skips codes that exist already.
   */
  @Transactional
  void seed(List<StateCodeData> codes) {
    edits.seed(codes);
  }

  /** Whether the catalog has no codes at all. */
  boolean isEmpty() {
    return queries.isEmpty();
  }

  /** Marks a code as used by a bulk change, so that it can no longer be deleted. */
  @Transactional
  public void markUsed(int code) {
    edits.markUsed(code);
  }

  Optional<StateCode> find(int code) {
    return queries.find(code);
  }

  /**
   * The rules, then the database-backed ones: duplicates, reserved ranges, unique active labels.
   */
  StateCodeData validate(StateCodeData data, StateCode existing) {
    return edits.validate(data, existing);
  }
}
