package io.statedesk.core.catalog;

import io.statedesk.core.account.TeamScope;
import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.catalog.CatalogExceptions.StaleStateCodeException;
import io.statedesk.core.catalog.CatalogExceptions.StateCodeInUseException;
import io.statedesk.core.catalog.CatalogExceptions.StateCodeNotFoundException;
import io.statedesk.core.problem.Text;
import io.statedesk.core.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog's edits of state codes, behind {@link StateCatalog}, which checks the caller's role
 * first and holds the transactions: create, update, (de)activate, delete, the demo seed, and the
 * "used" mark. Each change is validated ({@link StateCodeRules}, then uniqueness, reserved ranges,
 * unique active labels and known teams against the database) and audited with before and after.
 */
@ApplicationScoped
class StateCodeEdits {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject Caller caller;
  @Inject AuditLog audit;
  @Inject TeamScope teams;
  @Inject StateCodeQueries queries;
  @Inject RangeReservations ranges;

  /** Creates a code; see {@link StateCatalog#create}. */
  StateCode create(StateCodeData data) {
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

  /** Updates a code; see {@link StateCatalog#update}. */
  StateCode update(int code, StateCodeData data, long expectedVersion) {
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

  /** Deactivates or reactivates a code. */
  StateCode setActive(int code, boolean active) {
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

  /** Deletes a never-used code; see {@link StateCatalog#delete}. */
  void delete(int code) {
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

  /**
   * Creates codes on behalf of the system (demo seeding): same rules and audit, no caller check.
   * Skips codes that exist already.
   */
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

  /** Marks a code as used by a bulk change, so that it can no longer be deleted. */
  void markUsed(int code) {
    find(code).ifPresent(c -> c.markUsed(Instant.now()));
  }

  private Optional<StateCode> find(int code) {
    return queries.find(code);
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
      for (ReservedRange range : ranges.holding(valid.code())) {
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
