package io.statedesk.core.schedule;

import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.bulk.BulkEngineStarted;
import io.statedesk.core.bulk.ScheduledChanges;
import io.statedesk.core.cluster.Cluster;
import io.statedesk.core.desired.DesiredSettings;
import io.statedesk.core.desired.ManagedThreads;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.RequestContextController;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts and reverts scheduled changes when they are due. Every few seconds each console looks for
 * due schedules and claims each with a conditional update of its row; the winner makes the change
 * with an idempotency key derived from the schedule, so a console that dies after making it but
 * before recording it leaves a claim that expires, and the next claimant finds the change by its
 * key instead of making a second one.
 */
@ApplicationScoped
public class ScheduleRunner {

  private static final Logger LOG = Logger.getLogger(ScheduleRunner.class.getName());
  private static final Duration CLAIM = Duration.ofSeconds(60);

  /** A tick slower than this is logged: schedules are promised to the minute. */
  private static final long SLOW_TICK_MS = 10_000;

  @Inject ScheduleStore store;
  @Inject ScheduledChanges scheduled;
  @Inject DesiredSettings settings;
  @Inject Cluster cluster;
  @Inject AuditLog audit;
  @Inject RequestContextController requestContext;

  private final String instance =
      ManagementFactory.getRuntimeMXBean().getName()
          + "/"
          + UUID.randomUUID().toString().substring(0, 8);
  private ScheduledExecutorService timer;

  void onEngineStarted(@Observes BulkEngineStarted started) {
    start();
  }

  public synchronized void start() {
    if (timer != null) {
      return;
    }
    timer = Executors.newSingleThreadScheduledExecutor(ManagedThreads.factory());
    long tick = settings.scheduleTick().toMillis();
    timer.scheduleWithFixedDelay(this::tick, tick, tick, TimeUnit.MILLISECONDS);
  }

  /** One look at the schedule: starts, reverts and ends what is due. */
  void tick() {
    if (!cluster.singleton("schedule-runner")) {
      return; // another console runs the schedule (each claim is exactly-once regardless)
    }
    // no user here: a request context only so that request-scoped beans resolve (as anonymous)
    requestContext.activate();
    try {
      Instant now = Instant.now();
      for (long id : store.dueToStart(now)) {
        if (store.claim(id, ScheduleStatus.SCHEDULED, instance, now.plus(CLAIM), now)) {
          begin(id);
        }
      }
      for (long id : store.dueToRevert(now)) {
        if (store.claim(id, ScheduleStatus.RUNNING, instance, now.plus(CLAIM), now)) {
          revert(id);
        }
      }
      for (ScheduledChange s : store.inProgress()) {
        Long watched =
            s.getStatus() == ScheduleStatus.REVERTING ? s.getRevertChangeId() : s.getChangeId();
        if (watched != null && scheduled.finishedForSystem(watched)) {
          store.advance(s.getId(), ScheduleStatus.DONE, null, null, null);
          LOG.info(() -> "Schedule " + s.getId() + " done (change " + watched + " ended)");
        }
      }
      long took = Duration.between(now, Instant.now()).toMillis();
      if (took > SLOW_TICK_MS) {
        // a due start or revert waits for the next tick: say so, with the time it took
        LOG.warning("Schedule tick took " + took + " ms (the database or the gateway is slow)");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Schedule tick failed; trying again at the next one", e);
    } finally {
      requestContext.deactivate();
    }
  }

  private void begin(long id) {
    ScheduledChange s = store.find(id).orElseThrow();
    try {
      long change =
          scheduled.startScheduled(
              s.getCreatedBy(),
              s.getAgents(),
              s.getCode(),
              "Scheduled change " + id + (s.getNote() == null ? "" : ": " + s.getNote()),
              "schedule-" + id + "-start",
              s.getRevertAt());
      store.advance(id, ScheduleStatus.RUNNING, "Started as change " + change, change, null);
      audit.record(
          "system", AuditAction.SCHEDULE_STARTED, "schedule " + id, "as change " + change, null);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Scheduled change " + id + " could not start", e);
      store.advance(id, ScheduleStatus.FAILED, "Could not start: " + e.getMessage(), null, null);
      audit.record(
          "system", AuditAction.SCHEDULE_FAILED, "schedule " + id, "could not start", null);
    }
  }

  private void revert(long id) {
    ScheduledChange s = store.find(id).orElseThrow();
    if (!scheduled.finishedForSystem(s.getChangeId())) {
      // the change is still running: revert once it has ended (the claim expires meanwhile)
      store.advance(
          id, ScheduleStatus.RUNNING, "Revert due; waiting for the change to end", null, null);
      return;
    }
    try {
      long revert =
          scheduled.revertScheduled(
              s.getCreatedBy(), s.getChangeId(), "schedule-" + id + "-revert");
      store.advance(id, ScheduleStatus.REVERTING, "Reverting as change " + revert, null, revert);
      audit.record(
          "system", AuditAction.SCHEDULE_REVERTING, "schedule " + id, "as change " + revert, null);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Scheduled change " + id + " could not revert", e);
      store.advance(id, ScheduleStatus.FAILED, "Could not revert: " + e.getMessage(), null, null);
      audit.record(
          "system", AuditAction.SCHEDULE_FAILED, "schedule " + id, "could not revert", null);
    }
  }

  @PreDestroy
  synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
    }
  }
}
