package io.statedesk.core.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The membership and lease rows. Every lease operation is one conditional {@code update}: the
 * database serialises the updates of one row, so exactly one instance wins a free or expired lease
 * and a holder's renewal fails once another has taken it.
 */
@ApplicationScoped
@Transactional
public class ClusterStore {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  /**
   * Moves the instance's heartbeat to {@code until} and records its breaker state; inserts its row
   * on the first beat.
   */
  public void beat(
      String instance, String console, Instant startedAt, Instant until, String breaker) {
    int n =
        em.createQuery(
                "update ClusterMember m set m.beatUntil = :u, m.breaker = :b"
                    + " where m.instanceId = :i")
            .setParameter("u", until)
            .setParameter("b", breaker)
            .setParameter("i", instance)
            .executeUpdate();
    if (n == 0) {
      em.persist(new ClusterMember(instance, console, startedAt, until, breaker));
    }
  }

  /** The instances whose heartbeat vouches for them at {@code now}. */
  public List<ClusterMember> alive(Instant now) {
    return em.createQuery(
            "select m from ClusterMember m where m.beatUntil > :now order by m.instanceId",
            ClusterMember.class)
        .setParameter("now", now)
        .getResultList();
  }

  /** Forgets instances dead for a day (their rows only tell history). */
  public int forgetDead(Instant before) {
    return em.createQuery("delete from ClusterMember m where m.beatUntil < :t")
        .setParameter("t", before)
        .executeUpdate();
  }

  /** A clean stop: the instance leaves, and every lease it holds is free at once. */
  public void leave(String instance) {
    em.createQuery(
            "update ClusterLease l set l.owner = null, l.heldUntil = null, l.version = l.version + 1"
                + " where l.owner = :o")
        .setParameter("o", instance)
        .executeUpdate();
    em.createQuery("delete from ClusterMember m where m.instanceId = :i")
        .setParameter("i", instance)
        .executeUpdate();
  }

  /** The lease rows among {@code names} that exist. */
  public Set<String> existing(Collection<String> names) {
    return new HashSet<>(
        em.createQuery("select l.name from ClusterLease l where l.name in :n", String.class)
            .setParameter("n", names)
            .getResultList());
  }

  /**
   * Inserts a free lease row, in a transaction of its own: two consoles starting together may both
   * try, and the loser's duplicate key must not spoil anything else (the caller ignores it).
   */
  @Transactional(Transactional.TxType.REQUIRES_NEW)
  public void create(String name) {
    em.persist(new ClusterLease(name));
  }

  /**
   * Takes or renews lease {@code name} for {@code owner} until {@code until}: succeeds if it is
   * free, expired at {@code now}, or {@code owner}'s already.
   */
  public boolean tryLease(String name, String owner, Instant until, Instant now) {
    return em.createQuery(
                "update ClusterLease l set l.owner = :o, l.heldUntil = :u, l.version = l.version + 1"
                    + " where l.name = :n"
                    + " and (l.owner is null or l.heldUntil < :now or l.owner = :o)")
            .setParameter("o", owner)
            .setParameter("u", until)
            .setParameter("n", name)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  /** Gives lease {@code name} up if {@code owner} holds it. */
  public void release(String name, String owner) {
    em.createQuery(
            "update ClusterLease l set l.owner = null, l.heldUntil = null, l.version = l.version + 1"
                + " where l.name = :n and l.owner = :o")
        .setParameter("n", name)
        .setParameter("o", owner)
        .executeUpdate();
  }

  /** The leases whose name starts with {@code prefix}, by name (for status and balancing). */
  public List<ClusterLease> leases(String prefix) {
    return em.createQuery(
            "select l from ClusterLease l where l.name like :p order by l.name", ClusterLease.class)
        .setParameter("p", prefix + "%")
        .getResultList();
  }
}
