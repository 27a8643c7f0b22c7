package io.statedesk.core.desired;

import io.statedesk.core.persistence.InLists;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The persistence of desired-state layers, one short transaction per call. No authorization here:
 * the bulk and schedule services check the caller before they write, and the reconciler runs as the
 * system.
 *
 * <p>"Newest" is by when a layer was made ({@code since}), then by id: never by id alone. Why:
 * every console takes ids from the sequence in blocks of 500 (EclipseLink preallocates them), so a
 * layer made later on one console can have a lower id than one made earlier on another, and the
 * agent's desired state went back to the older change (the cluster soak of session 10 saw a console
 * re-apply a previous change's code in a session it had just taken over).
 */
@ApplicationScoped
@Transactional
public class DesiredStore {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  /** Adds change {@code changeId}'s layer for each agent (target {@code null} = none). */
  public void add(long changeId, String setBy, Map<Integer, Integer> targets, Instant until) {
    Instant now = Instant.now();
    int n = 0;
    for (Map.Entry<Integer, Integer> e : targets.entrySet()) {
      em.persist(new DesiredLayer(e.getKey(), changeId, e.getValue(), setBy, now, until));
      if (++n % 500 == 0) {
        em.flush();
        em.clear();
      }
    }
  }

  /** The agent's desired state: its newest layer. */
  public Optional<Desired> top(int agentId) {
    return em.createQuery(
            "select l from DesiredLayer l where l.agentId = :a order by l.since desc, l.id desc",
            DesiredLayer.class)
        .setParameter("a", agentId)
        .setMaxResults(1)
        .getResultStream()
        .findFirst()
        .map(Desired::of);
  }

  /** The desired states of {@code agentIds} that have one, by agent. */
  public Map<Integer, Desired> top(Collection<Integer> agentIds) {
    Map<Integer, Desired> found = new HashMap<>();
    for (List<Integer> chunk : InLists.of(agentIds)) {
      for (DesiredLayer l :
          em.createQuery(
                  "select l from DesiredLayer l where l.agentId in :ids order by l.since, l.id",
                  DesiredLayer.class)
              .setParameter("ids", chunk)
              .getResultList()) {
        found.put(l.getAgentId(), Desired.of(l)); // oldest first: the newest stays
      }
    }
    return found;
  }

  /**
   * For each of {@code agentIds} that has one, the layer that resumes when change {@code
   * changeId}'s layer goes (the newest other layer), a thousand agents per statement: an undo of
   * 50,000 agents is 50 statements, not 50,000.
   */
  public Map<Integer, Desired> below(Collection<Integer> agentIds, long changeId) {
    Map<Integer, Desired> found = new HashMap<>();
    for (List<Integer> chunk : InLists.of(agentIds)) {
      for (DesiredLayer l :
          em.createQuery(
                  "select l from DesiredLayer l where l.agentId in :ids and l.changeId <> :c"
                      + " order by l.since, l.id",
                  DesiredLayer.class)
              .setParameter("ids", chunk)
              .setParameter("c", changeId)
              .getResultList()) {
        found.put(l.getAgentId(), Desired.of(l)); // oldest first: the newest stays
      }
    }
    return found;
  }

  /** The agents change {@code changeId} holds a layer of. */
  public List<Integer> agentsOf(long changeId) {
    return em.createQuery(
            "select l.agentId from DesiredLayer l where l.changeId = :c order by l.agentId",
            Integer.class)
        .setParameter("c", changeId)
        .getResultList();
  }

  /** Removes change {@code changeId}'s layers (undo, revert); returns how many. */
  public int remove(long changeId) {
    return em.createQuery("delete from DesiredLayer l where l.changeId = :c")
        .setParameter("c", changeId)
        .executeUpdate();
  }

  /** Up to {@code max} agents with a desired state and an id above {@code after}, in id order. */
  public List<Integer> agentsAfter(int after, int max) {
    return em.createQuery(
            "select distinct l.agentId from DesiredLayer l where l.agentId > :a order by l.agentId",
            Integer.class)
        .setParameter("a", after)
        .setMaxResults(max)
        .getResultList();
  }

  /** How many agents have a desired state. */
  public long agentCount() {
    return em.createQuery("select count(distinct l.agentId) from DesiredLayer l", Long.class)
        .getSingleResult();
  }
}
