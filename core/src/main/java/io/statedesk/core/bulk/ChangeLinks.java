package io.statedesk.core.bulk;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.List;

/**
 * Which later change undid a change ("undone by #N"), so that the change page can say so and no
 * second undo is offered. Kept apart from {@link BulkStore}, which is about running changes.
 */
@ApplicationScoped
@Transactional
public class ChangeLinks {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  /**
   * The newest undo of change {@code id}, or {@code null}: by when it was made, as ids from two
   * consoles' sequence blocks do not follow time ({@code DesiredStore} says more).
   */
  public Long undoneBy(long id) {
    List<Long> ids =
        em.createQuery(
                "select c.id from BulkChange c where c.originId = :id and c.kind = :undo"
                    + " order by c.createdAt desc, c.id desc",
                Long.class)
            .setParameter("id", id)
            .setParameter("undo", ChangeKind.UNDO)
            .setMaxResults(1)
            .getResultList();
    return ids.isEmpty() ? null : ids.get(0);
  }
}
