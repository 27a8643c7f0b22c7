package io.statedesk.core.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The persistence of scheduled changes, one short transaction per call; no authorization here
 * ({@link Schedules} checks the caller, {@link ScheduleRunner} runs as the system).
 */
@ApplicationScoped
@Transactional
public class ScheduleStore {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  public ScheduledChange create(ScheduledChange s) {
    em.persist(s);
    return s;
  }

  public Optional<ScheduledChange> find(long id) {
    return Optional.ofNullable(em.find(ScheduledChange.class, id));
  }

  public Optional<ScheduledChange> findByKey(String user, String key) {
    return em.createQuery(
            "select s from ScheduledChange s where s.createdBy = :u and s.idempotencyKey = :k",
            ScheduledChange.class)
        .setParameter("u", user)
        .setParameter("k", key)
        .getResultStream()
        .findFirst();
  }

  /** Schedules, soonest first: all ({@code user} null) or one user's. */
  public List<ScheduledChange> list(String user, boolean openOnly, int max) {
    String where =
        (user == null ? "" : " and s.createdBy = :u") + (openOnly ? " and s.status in :open" : "");
    var q =
        em.createQuery(
            "select s from ScheduledChange s where 1 = 1" + where + " order by s.startAt, s.id",
            ScheduledChange.class);
    if (user != null) {
      q.setParameter("u", user);
    }
    if (openOnly) {
      q.setParameter(
          "open",
          List.of(ScheduleStatus.SCHEDULED, ScheduleStatus.RUNNING, ScheduleStatus.REVERTING));
    }
    return q.setMaxResults(max).getResultList();
  }

  /** Schedules due to start at {@code now}. */
  public List<Long> dueToStart(Instant now) {
    return em.createQuery(
            "select s.id from ScheduledChange s where s.status = :s and s.startAt <= :now"
                + " order by s.startAt",
            Long.class)
        .setParameter("s", ScheduleStatus.SCHEDULED)
        .setParameter("now", now)
        .getResultList();
  }

  /** Running schedules due to revert at {@code now}. */
  public List<Long> dueToRevert(Instant now) {
    return em.createQuery(
            "select s.id from ScheduledChange s where s.status = :s and s.revertAt is not null"
                + " and s.revertAt <= :now order by s.revertAt",
            Long.class)
        .setParameter("s", ScheduleStatus.RUNNING)
        .setParameter("now", now)
        .getResultList();
  }

  /** Schedules whose change or revert change is running: done when it has ended. */
  public List<ScheduledChange> inProgress() {
    return em.createQuery(
            "select s from ScheduledChange s where s.status = :r and s.revertAt is null"
                + " or s.status = :v",
            ScheduledChange.class)
        .setParameter("r", ScheduleStatus.RUNNING)
        .setParameter("v", ScheduleStatus.REVERTING)
        .getResultList();
  }

  /**
   * Claims a schedule in {@code status} for {@code owner} until {@code until}: succeeds if nobody
   * holds it or the holder's claim expired. The database decides, so one console wins.
   */
  public boolean claim(long id, ScheduleStatus status, String owner, Instant until, Instant now) {
    return em.createQuery(
                "update ScheduledChange s set s.claimOwner = :o, s.claimUntil = :u,"
                    + " s.version = s.version + 1 where s.id = :id and s.status = :s"
                    + " and (s.claimOwner is null or s.claimUntil < :now)")
            .setParameter("o", owner)
            .setParameter("u", until)
            .setParameter("id", id)
            .setParameter("s", status)
            .setParameter("now", now)
            .executeUpdate()
        == 1;
  }

  /** Moves a claimed schedule on, and gives the claim up. */
  public void advance(long id, ScheduleStatus to, String detail, Long changeId, Long revertId) {
    ScheduledChange s = em.find(ScheduledChange.class, id);
    if (s != null) {
      s.advance(to, detail, changeId, revertId);
    }
  }

  /** Edits or cancels a schedule that has not started; false when it started meanwhile. */
  public boolean beforeStart(long id, Consumer<ScheduledChange> edit) {
    ScheduledChange s = em.find(ScheduledChange.class, id);
    if (s == null || s.getStatus() != ScheduleStatus.SCHEDULED) {
      return false;
    }
    edit.accept(s);
    return true;
  }
}
