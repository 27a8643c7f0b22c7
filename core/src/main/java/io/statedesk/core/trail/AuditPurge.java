package io.statedesk.core.trail;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;

/** One batch of the retention purge, in a transaction of its own. No caller: the system purges. */
@ApplicationScoped
class AuditPurge {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  /** Deletes up to {@code max} of the oldest events before {@code cut}; returns how many. */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  int batch(Instant cut, int max) {
    List<Long> ids =
        em.createQuery(
                "select e.id from AuditEvent e where e.at < :cut order by e.at, e.id", Long.class)
            .setParameter("cut", cut)
            .setMaxResults(max)
            .getResultList();
    if (ids.isEmpty()) {
      return 0;
    }
    return em.createQuery("delete from AuditEvent e where e.id in :ids")
        .setParameter("ids", ids)
        .executeUpdate();
  }
}
