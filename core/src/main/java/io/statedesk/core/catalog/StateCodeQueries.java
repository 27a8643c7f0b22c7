package io.statedesk.core.catalog;

import io.statedesk.core.account.TeamScope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The catalog's reads of state codes, behind {@link StateCatalog}, which checks the caller's role
 * first and holds the transactions: the lists the pages and bulk changes offer, one code, and the
 * admin table's pages (their JPQL is {@link StateCodeSearch}).
 */
@ApplicationScoped
class StateCodeQueries {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject TeamScope teams;

  /** Active codes in list order, those of the caller's teams unless the caller sees all. */
  List<StateCode> active() {
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

  /** Today's default label of each of {@code codes} still in the catalog. */
  Map<Integer, String> labelsToday(Collection<Integer> codes) {
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

  List<StateCode> all() {
    return em.createQuery("select s from StateCode s order by s.sortOrder, s.code", StateCode.class)
        .getResultList();
  }

  /** A page of the admin table (see {@link StateCatalog#page}). */
  List<StateCode> page(
      String text, Boolean activeOnly, String sortField, boolean ascending, int first, int max) {
    TypedQuery<StateCode> query =
        em.createQuery(
            "select s from StateCode s"
                + StateCodeSearch.where(text, activeOnly)
                + StateCodeSearch.orderBy(sortField, ascending),
            StateCode.class);
    StateCodeSearch.bind(query, text, activeOnly);
    return query
        .setFirstResult(Math.max(0, first))
        .setMaxResults(Math.max(1, Math.min(max, 500)))
        .getResultList();
  }

  long count(String text, Boolean activeOnly) {
    TypedQuery<Long> query =
        em.createQuery(
            "select count(s) from StateCode s" + StateCodeSearch.where(text, activeOnly),
            Long.class);
    StateCodeSearch.bind(query, text, activeOnly);
    return query.getSingleResult();
  }

  Optional<StateCode> find(int code) {
    return em.createQuery("select s from StateCode s where s.code = :c", StateCode.class)
        .setParameter("c", code)
        .getResultStream()
        .findFirst();
  }

  /** Whether the catalog has no codes at all. */
  boolean isEmpty() {
    return em.createQuery("select count(s) from StateCode s", Long.class).getSingleResult() == 0;
  }
}
