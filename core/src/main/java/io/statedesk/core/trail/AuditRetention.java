package io.statedesk.core.trail;

import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.cluster.Cluster;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Deletes audit events older than {@code statedesk.audit.retention-days} (default {@value
 * #DEFAULT_DAYS}; 0 keeps them for ever), a minute after start and then every {@code
 * statedesk.audit.purge-hours}, on one console of a cluster at a time (the cluster-wide lease
 * {@value #LEASE}, as the directory sync). Why batches: a first purge after years may delete
 * millions of rows; one short transaction per batch keeps the table usable meanwhile. Each purge
 * that deleted something is itself audited.
 */
@ApplicationScoped
public class AuditRetention {

  private static final Logger LOG = Logger.getLogger(AuditRetention.class.getName());

  static final String LEASE = "audit-retention";
  static final int DEFAULT_DAYS = 400;

  @Inject
  @ConfigProperty(name = "statedesk.audit.retention-days", defaultValue = "" + DEFAULT_DAYS)
  int days;

  @Inject
  @ConfigProperty(name = "statedesk.audit.purge-hours", defaultValue = "24")
  int hours;

  @Inject Cluster cluster;
  @Inject AuditPurge purge;
  @Inject AuditLog audit;

  private ManagedScheduledExecutorService scheduler;
  private ScheduledFuture<?> schedule;
  private boolean stopped;

  /** What is wrong with the settings, one line each. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (days < 0) {
      problems.add("statedesk.audit.retention-days must be 0 (keep) or more, was " + days);
    }
    if (hours < 1) {
      problems.add("statedesk.audit.purge-hours must be at least 1, was " + hours);
    }
    return problems;
  }

  /** The retention in days (0: kept for ever), for the system page and the audit page. */
  public int days() {
    return days;
  }

  /** Schedules the purge, unless events are kept for ever. */
  public synchronized void start() {
    if (days == 0 || scheduler != null) {
      return;
    }
    try {
      scheduler = InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
    } catch (NamingException e) {
      throw new IllegalStateException("No default managed scheduled executor service", e);
    }
    scheduleNext(Duration.ofMinutes(1));
  }

  private synchronized void scheduleNext(Duration delay) {
    if (!stopped) {
      schedule = scheduler.schedule(this::purgeAndReschedule, delay.toSeconds(), TimeUnit.SECONDS);
    }
  }

  private void purgeAndReschedule() {
    try {
      if (cluster.singleton(LEASE)) {
        purgeNow();
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "Audit purge failed; trying again at the next run", e);
    } finally {
      scheduleNext(Duration.ofHours(hours));
    }
  }

  /**
   * Deletes the events older than the retention now.
   *
   * @return how many were deleted
   */
  long purgeNow() {
    Instant cut = Instant.now().minus(Duration.ofDays(days));
    long deleted = 0;
    int n;
    do {
      n = purge.batch(cut, 5_000);
      deleted += n;
    } while (n > 0);
    if (deleted > 0) {
      long total = deleted;
      audit.record(
          "system",
          AuditAction.AUDIT_PURGED,
          "audit trail",
          total + " event(s) older than " + days + " days (before " + cut + ")",
          null);
      LOG.info(() -> "Audit purge deleted " + total + " event(s) before " + cut);
    }
    return deleted;
  }

  @PreDestroy
  synchronized void stop() {
    stopped = true;
    if (schedule != null) {
      schedule.cancel(false);
    }
  }
}
