package io.statedesk.core.catalog;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.audit.AuditAction;
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
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog's service: reads for supervisors (active codes) and admins (everything), changes for
 * admins only, each validated ({@link StateCodeRules}, uniqueness, reserved ranges) and audited
 * with before and after values. The caller's role is checked here, so a handcrafted request cannot
 * do what the page would not offer.
 */
@ApplicationScoped
public class StateCatalog {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject Caller caller;
  @Inject AuditLog audit;
  @Inject TeamScope teams;

  /**
   * Active codes in list order: for admins all of them, for a supervisor those offered to all teams
   * or to one of the supervisor's teams.
   */
  public List<StateCode> active() {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    List<StateCode> active =
        em.createQuery(
                "select s from StateCode s where s.active = true order by s.sortOrder, s.code",
                StateCode.class)
            .getResultList();
    if (teams.callerSeesAll()) {
      return active;
    }
    Set<String> mine = teams.callerTeams();
    return active.stream()
        .filter(c -> c.isAllTeams() || c.getTeams().stream().anyMatch(mine::contains))
        .toList();
  }

  /**
   * Today's default label of each of {@code codes} that is still in the catalog, active or not. For
   * showing beside the label a past change kept ("labels as they were"): any supervisor or admin
   * may read it, since the change's own pages show that code already.
   */
  public Map<Integer, String> labelsToday(Collection<Integer> codes) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    Map<Integer, String> labels = new HashMap<>();
    if (!codes.isEmpty()) {
      for (Object[] r :
          em.createQuery(
                  "select s.code, s.label from StateCode s where s.code in :codes", Object[].class)
              .setParameter("codes", new HashSet<>(codes))
              .getResultList()) {
        labels.put((Integer) r[0], (String) r[1]);
      }
    }
    return labels;
  }

  /** Every code, active or not (admins). */
  public List<StateCode> all() {
    caller.require(Role.ADMIN);
    return em.createQuery("select s from StateCode s order by s.sortOrder, s.code", StateCode.class)
        .getResultList();
  }

  /**
   * One code; supervisors see only active ones. In a transaction, like every read a change's plan
   * makes: outside one, Payara's non-transactional entity manager was seen closed mid-plan.
   */
  @Transactional
  public StateCode get(int code) {
    caller.require(Role.SUPERVISOR, Role.ADMIN);
    StateCode found = find(code).orElseThrow(() -> new StateCodeNotFoundException(code));
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
    TypedQuery<StateCode> query =
        em.createQuery(
            "select s from StateCode s"
                + where(text, activeOnly)
                + " order by s."
                + sortColumn(sortField)
                + (ascending ? " asc" : " desc")
                // never the same column twice: H2 2.2 fails on "order by x, x" with an OFFSET
                + ("code".equals(sortColumn(sortField)) ? "" : ", s.code asc"),
            StateCode.class);
    bind(query, text, activeOnly);
    return query
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.max(1, Math.min(max, 500)))
        .getResultList();
  }

  public long count(String text, Boolean activeOnly) {
    caller.require(Role.ADMIN);
    TypedQuery<Long> query =
        em.createQuery("select count(s) from StateCode s" + where(text, activeOnly), Long.class);
    bind(query, text, activeOnly);
    return query.getSingleResult();
  }

  private static String where(String text, Boolean activeOnly) {
    List<String> clauses = new ArrayList<>();
    if (text != null && !text.isBlank()) {
      // A number also matches the code exactly; JPQL 3.1 has no portable cast to text.
      clauses.add(
          "(lower(s.label) like :text or lower(s.category) like :text"
              + (isCode(text) ? " or s.code = :code" : "")
              + ")");
    }
    if (activeOnly != null) {
      clauses.add("s.active = :active");
    }
    return clauses.isEmpty() ? "" : " where " + String.join(" and ", clauses);
  }

  private static boolean isCode(String text) {
    return text.strip().matches("\\d{1,5}");
  }

  private static void bind(TypedQuery<?> query, String text, Boolean activeOnly) {
    if (text != null && !text.isBlank()) {
      String escaped =
          text.strip().toLowerCase(Locale.ROOT).replace("\\", "").replace("%", "").replace("_", "");
      query.setParameter("text", "%" + escaped + "%");
      if (isCode(text)) {
        query.setParameter("code", Integer.parseInt(text.strip()));
      }
    }
    if (activeOnly != null) {
      query.setParameter("active", activeOnly);
    }
  }

  private static String sortColumn(String field) {
    return switch (field == null ? "" : field) {
      case "label" -> "label";
      case "category" -> "category";
      case "code" -> "code";
      case "active" -> "active";
      default -> "sortOrder";
    };
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
    StateCodeData valid = validate(data, null);
    StateCode created = new StateCode(valid, caller.name(), Instant.now());
    em.persist(created);
    try {
      em.flush();
    } catch (PersistenceException e) {
      // Two admins created the same code at the same moment: the unique constraint decided.
      throw new InvalidStateCodeException(
          List.of(new FieldError("code", Text.of("catalog.code.exists", valid.code()))));
    }
    audit.record(
        caller.name(),
        AuditAction.CATALOG_CREATED,
        subject(valid.code()),
        "after " + describe(valid),
        null);
    return created;
  }

  /**
   * Updates a code (admins); {@code expectedVersion} is the version the admin edited.
   *
   * @throws StaleStateCodeException if someone else changed it since
   */
  @Transactional
  public StateCode update(int code, StateCodeData data, long expectedVersion) {
    caller.require(Role.ADMIN);
    StateCode existing = find(code).orElseThrow(() -> new StateCodeNotFoundException(code));
    if (existing.getVersion() != expectedVersion) {
      throw new StaleStateCodeException(code, expectedVersion, existing.getVersion());
    }
    if (data.code() != code) {
      throw new InvalidStateCodeException(
          List.of(new FieldError("code", Text.of("catalog.code.immutable", code))));
    }
    StateCodeData before = existing.data();
    StateCodeData valid = validate(data, existing);
    existing.apply(valid, caller.name(), Instant.now());
    em.flush();
    audit.record(
        caller.name(),
        AuditAction.CATALOG_UPDATED,
        subject(code),
        "before " + describe(before) + " after " + describe(valid),
        null);
    return existing;
  }

  /** Deactivates or reactivates a code (admins). */
  @Transactional
  public StateCode setActive(int code, boolean active) {
    caller.require(Role.ADMIN);
    StateCode existing = find(code).orElseThrow(() -> new StateCodeNotFoundException(code));
    if (existing.isActive() == active) {
      return existing;
    }
    if (active) {
      checkUniqueLabel(existing.getLabel(), existing, new ArrayList<>())
          .ifPresent(
              e -> {
                throw new InvalidStateCodeException(List.of(e));
              });
    }
    existing.setActive(active, caller.name(), Instant.now());
    em.flush();
    audit.record(
        caller.name(),
        active ? AuditAction.CATALOG_REACTIVATED : AuditAction.CATALOG_DEACTIVATED,
        subject(code),
        "before active=" + !active + " after active=" + active,
        null);
    return existing;
  }

  /**
   * Deletes a never-used code (admins).
   *
   * @throws StateCodeInUseException if a bulk change used it
   */
  @Transactional
  public void delete(int code) {
    caller.require(Role.ADMIN);
    StateCode existing = find(code).orElseThrow(() -> new StateCodeNotFoundException(code));
    if (existing.isUsed()) {
      throw new StateCodeInUseException(code);
    }
    StateCodeData before = existing.data();
    em.remove(existing);
    em.flush();
    audit.record(
        caller.name(),
        AuditAction.CATALOG_DELETED,
        subject(code),
        "before " + describe(before),
        null);
  }

  /** One code's audit trail, newest first, at most {@code limit} events (admins). */
  public List<AuditEvent> history(int code, int limit) {
    caller.require(Role.ADMIN);
    return audit.about(subject(code), limit);
  }

  /** Reserved ranges, lowest first (admins and supervisors may read them). */
  public List<ReservedRange> reservedRanges() {
    caller.require(Role.ADMIN, Role.SUPERVISOR);
    return allRanges();
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
    List<FieldError> errors = new ArrayList<>();
    if (first < 0 || last > 65534 || first > last) {
      errors.add(new FieldError("range", Text.of("catalog.range.bounds", first, last)));
    }
    String why = StateCodeRules.trimToNull(reason);
    if (why == null || why.length() > 200) {
      errors.add(new FieldError("reason", Text.of("catalog.range.reason")));
    }
    if (!errors.isEmpty()) {
      throw new InvalidStateCodeException(errors);
    }
    List<ReservedRange> overlapping = ReservedRanges.overlapping(allRanges(), first, last);
    List<Integer> inside =
        em.createQuery(
                "select s.code from StateCode s where s.code between :f and :l order by s.code",
                Integer.class)
            .setParameter("f", first)
            .setParameter("l", last)
            .getResultList();
    ReservedRange range = new ReservedRange(first, last, why, caller.name(), Instant.now());
    em.persist(range);
    audit.record(
        caller.name(),
        AuditAction.CATALOG_RANGE_RESERVED,
        "codes " + first + ".." + last,
        why
            + overlapping.stream()
                .map(o -> "; overlaps " + o.getFirstCode() + ".." + o.getLastCode())
                .reduce("", String::concat),
        null);
    return new Reservation(range, overlapping, List.copyOf(inside));
  }

  /**
   * The reserved ranges that hold {@code code}: a code made before its range, or imported again, is
   * kept and warned about (admins and supervisors may read ranges).
   */
  public List<ReservedRange> rangesHolding(int code) {
    caller.require(Role.ADMIN, Role.SUPERVISOR);
    return ReservedRanges.holding(allRanges(), code);
  }

  /** The warnings for {@code code}, as the API answers them. */
  public List<FieldError> insideWarnings(int code) {
    return rangesHolding(code).stream().map(r -> ReservedRanges.inside(code, r)).toList();
  }

  private List<ReservedRange> allRanges() {
    return em.createQuery(
            "select r from ReservedRange r order by r.firstCode, r.lastCode", ReservedRange.class)
        .getResultList();
  }

  @Transactional
  public void unreserve(long id) {
    caller.require(Role.ADMIN);
    ReservedRange range = em.find(ReservedRange.class, id);
    if (range != null) {
      em.remove(range);
      audit.record(
          caller.name(),
          AuditAction.CATALOG_RANGE_RELEASED,
          "codes " + range.getFirstCode() + ".." + range.getLastCode(),
          null,
          null);
    }
  }

  /**
   * Creates codes on behalf of the system (demo seeding): same rules and audit, no caller check.
   * Skips codes that exist already.
   */
  @Transactional
  void seed(List<StateCodeData> codes) {
    for (StateCodeData data : codes) {
      if (find(data.code()).isEmpty()) {
        StateCodeData valid = validate(data, null);
        em.persist(new StateCode(valid, "system", Instant.now()));
        em.flush();
        audit.record(
            "system",
            AuditAction.CATALOG_CREATED,
            subject(valid.code()),
            "demo seed " + describe(valid),
            null);
      }
    }
  }

  /** Whether the catalog has no codes at all. */
  boolean isEmpty() {
    return em.createQuery("select count(s) from StateCode s", Long.class).getSingleResult() == 0;
  }

  /** Marks a code as used by a bulk change, so that it can no longer be deleted. */
  @Transactional
  public void markUsed(int code) {
    find(code).ifPresent(c -> c.markUsed(Instant.now()));
  }

  Optional<StateCode> find(int code) {
    return em.createQuery("select s from StateCode s where s.code = :c", StateCode.class)
        .setParameter("c", code)
        .getResultStream()
        .findFirst();
  }

  /**
   * The rules, then the database-backed ones: duplicates, reserved ranges, unique active labels.
   */
  StateCodeData validate(StateCodeData data, StateCode existing) {
    StateCodeRules.Checked checked = StateCodeRules.check(data);
    List<FieldError> errors = new ArrayList<>(checked.errors());
    StateCodeData valid = checked.data();
    if (existing == null && errors.stream().noneMatch(e -> e.field().equals("code"))) {
      if (find(valid.code()).isPresent()) {
        errors.add(new FieldError("code", Text.of("catalog.code.exists", valid.code())));
      }
      for (ReservedRange range : ReservedRanges.holding(allRanges(), valid.code())) {
        errors.add(ReservedRanges.inside(valid.code(), range));
      }
    }
    if (valid.label() != null && valid.active()) {
      checkUniqueLabel(valid.label(), existing, errors).ifPresent(errors::add);
    }
    if (valid.teams() != null && !valid.teams().isEmpty()) {
      Set<String> unknown =
          teams.unknownTeams(valid.teams(), existing == null ? Set.of() : existing.getTeams());
      if (!unknown.isEmpty()) {
        errors.add(
            new FieldError("teams", Text.of("catalog.teams.unknown", String.join(", ", unknown))));
      }
    }
    if (!errors.isEmpty()) {
      throw new InvalidStateCodeException(errors);
    }
    return valid;
  }

  private Optional<FieldError> checkUniqueLabel(
      String label, StateCode self, List<FieldError> errors) {
    List<StateCode> same =
        em.createQuery(
                "select s from StateCode s where s.active = true and lower(s.label) = :l",
                StateCode.class)
            .setParameter("l", label.toLowerCase(Locale.ROOT))
            .getResultList();
    return same.stream()
        .filter(s -> self == null || !s.getId().equals(self.getId()))
        .findFirst()
        .map(s -> new FieldError("label", Text.of("catalog.label.taken", label, s.getCode())));
  }

  static String subject(int code) {
    return "state code " + code;
  }

  /** A compact, secret-free description for the audit trail. */
  static String describe(StateCodeData d) {
    return "{label="
        + d.label()
        + ", labels="
        + d.labels()
        + ", colour="
        + d.colour()
        + ", category="
        + d.category()
        + ", sortOrder="
        + d.sortOrder()
        + ", active="
        + d.active()
        + ", teams="
        + (d.teams().isEmpty() ? "all" : d.teams())
        + ", description="
        + d.description()
        + "}";
  }
}
