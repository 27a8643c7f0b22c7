package io.statedesk.core.catalog;

import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.gateway.CustomState;
import io.statedesk.core.problem.Text;
import io.statedesk.core.security.Caller;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalog's reserved ranges of codes, behind {@link StateCatalog}, which checks the caller's
 * role first and holds the transactions: reserving a range (audited, with what it found beside it),
 * releasing one, and the ranges that hold a code. The range arithmetic is {@link ReservedRanges}.
 */
@ApplicationScoped
class RangeReservations {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject Caller caller;
  @Inject AuditLog audit;

  /** Every reserved range, lowest first. */
  List<ReservedRange> all() {
    return em.createQuery(
            "select r from ReservedRange r order by r.firstCode, r.lastCode", ReservedRange.class)
        .getResultList();
  }

  /** The reserved ranges that hold {@code code}. */
  List<ReservedRange> holding(int code) {
    return ReservedRanges.holding(all(), code);
  }

  /**
   * Reserves {@code first..last}; existing codes inside stay, new ones are refused. A range
   * overlapping another, or holding codes, is reserved all the same and reported.
   */
  StateCatalog.Reservation reserve(int first, int last, String reason) {
    List<FieldError> errors = new ArrayList<>();
    if (!CustomState.isValid(first) || !CustomState.isValid(last) || first > last) {
      errors.add(new FieldError("range", Text.of("catalog.range.bounds", first, last)));
    }
    String why = StateCodeRules.trimToNull(reason);
    if (why == null || why.length() > 200) {
      errors.add(new FieldError("reason", Text.of("catalog.range.reason")));
    }
    if (!errors.isEmpty()) {
      throw new InvalidStateCodeException(errors);
    }
    List<ReservedRange> overlapping = ReservedRanges.overlapping(all(), first, last);
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
    return new StateCatalog.Reservation(range, overlapping, List.copyOf(inside));
  }

  /** Releases the range {@code id}, if it is still reserved. */
  void unreserve(long id) {
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
}
