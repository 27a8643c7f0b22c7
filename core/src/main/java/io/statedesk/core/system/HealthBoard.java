package io.statedesk.core.system;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import io.statedesk.core.account.LdapIdentityStore;
import io.statedesk.core.bulk.BulkEngine;
import io.statedesk.core.directory.DirectorySync;
import io.statedesk.core.directory.SyncStatus;
import io.statedesk.core.schedule.ScheduleStatus;
import io.statedesk.core.schedule.ScheduleView;
import io.statedesk.core.schedule.Schedules;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import io.statedesk.core.session.AgentSessions;
import io.statedesk.core.session.Availability;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.health.Readiness;

/**
 * The admin's health board on the overview: one finding per part of the console that can go wrong
 * (gateway, agent sessions, directory sync, schedules, LDAP), what is wrong first.
 *
 * <p>Why a board of findings rather than a checklist: the overview used to tick items green when
 * they merely existed ("10 without a session" included); an admin opens it to learn what needs
 * them. Each finding is read from the service that owns the figure (readiness, the bulk engine's
 * breaker, the gateway call metrics, session counts, the sync's status, the schedules), so the
 * board says what those say, and nothing is kept here except the gateway error baseline.
 */
@ApplicationScoped
public class HealthBoard {

  /** How bad a finding is; the board lists them in this order. */
  public enum Level {
    PROBLEM,
    WARNING,
    OK
  }

  /** What a finding is about; the page links each to where it is looked into. */
  public enum Topic {
    GATEWAY,
    SESSIONS,
    SYNC,
    SCHEDULES,
    LDAP
  }

  /**
   * One line of the board.
   *
   * @param topic what it is about
   * @param level how bad
   * @param state which sentence: e.g. {@code down}, {@code breaker}, {@code errors}, {@code ok}
   * @param count the figure the sentence names (agents, calls, schedules; 0 when none)
   * @param detail a reason fit for an admin (a sync's failure), or {@code null}
   */
  public record Finding(Topic topic, Level level, String state, long count, String detail) {

    static Finding ok(Topic topic, long count) {
      return new Finding(topic, Level.OK, "ok", count, null);
    }
  }

  /** A schedule this long past its start (or revert) that has not started counts as late. */
  static final Duration LATE = Duration.ofMinutes(2);

  /** Gateway errors are counted over a window of at least this long (the last reading's). */
  static final Duration ERROR_WINDOW = Duration.ofMinutes(10);

  @Inject Caller caller;
  @Inject @Readiness ConsoleReadiness readiness;
  @Inject BulkEngine bulk;
  @Inject AgentSessions sessions;
  @Inject DirectorySync sync;
  @Inject Schedules schedules;
  @Inject LdapIdentityStore ldap;

  private Calls baseline;

  /**
   * Where the last reading's window began. The gateway figures count from here, not from {@link
   * #baseline}: a reading that moves the baseline to now would otherwise show the gateway finding's
   * calls beside "0 calls" on the same page (seen in OverviewIT).
   */
  private Calls shownFrom;

  /** Gateway calls so far, failed and all, their time in all, and when counted. */
  record Calls(Instant at, long failed, long all, double totalMillis) {

    Calls(Instant at, long failed, long all) {
      this(at, failed, all, 0);
    }

    /** The calls between {@code earlier} and these. */
    Calls minus(Calls earlier) {
      return new Calls(
          at, failed - earlier.failed, all - earlier.all, totalMillis - earlier.totalMillis);
    }
  }

  /**
   * The gateway as the overview shows it to admins.
   *
   * @param reachable whether readiness reaches it
   * @param breaker the bulk engine's breaker: {@code CLOSED}, {@code OPEN}, {@code HALF_OPEN}
   * @param calls gateway calls in the health window (the last 10 to 20 minutes)
   * @param failed of those, the ones that did not succeed
   * @param meanMillis their mean time in milliseconds (0 without calls)
   */
  public record GatewayHealth(
      boolean reachable, String breaker, long calls, long failed, double meanMillis) {

    /** The share of calls that failed, 0 to 1 (0 without calls). */
    public double errorRate() {
      return calls == 0 ? 0 : failed / (double) calls;
    }
  }

  /**
   * Breaker, error rate and mean latency of the gateway calls in the health window, read from the
   * call metrics (admins only). Reads the window without moving it, so the board's finding and
   * these figures of one page agree.
   */
  public GatewayHealth gatewayHealth() {
    caller.require(Role.ADMIN);
    Calls recent = since(now());
    return new GatewayHealth(
        readiness.gatewayReachable(),
        bulk.gatewayBreaker(),
        recent.all(),
        recent.failed(),
        recent.all() == 0 ? 0 : recent.totalMillis() / recent.all());
  }

  /** The calls since the baseline (all of them before the board's first reading). */
  synchronized Calls since(Calls now) {
    return shownFrom == null ? now : now.minus(shownFrom);
  }

  /**
   * The findings, problems first (admins only).
   *
   * @throws io.statedesk.core.security.AccessDeniedException unless the caller is an admin
   */
  public List<Finding> findings() {
    caller.require(Role.ADMIN);
    List<Finding> findings = new ArrayList<>();
    findings.add(gateway());
    findings.add(sessions());
    findings.add(sync());
    findings.add(schedules());
    ldap().ifPresent(findings::add);
    findings.sort(Comparator.comparing(Finding::level));
    return List.copyOf(findings);
  }

  private Finding gateway() {
    if (!readiness.gatewayReachable()) {
      return new Finding(Topic.GATEWAY, Level.PROBLEM, "down", 0, null);
    }
    if (!"CLOSED".equals(bulk.gatewayBreaker())) {
      return new Finding(Topic.GATEWAY, Level.PROBLEM, "breaker", 0, null);
    }
    Calls recent = recentCalls(now());
    long failed = recent.failed();
    if (failed > 0 && failed * 10 >= recent.all()) {
      return new Finding(Topic.GATEWAY, Level.WARNING, "errors", failed, null);
    }
    return Finding.ok(Topic.GATEWAY, recent.all());
  }

  /**
   * The calls since the baseline; the baseline moves to now once it is older than the window, so
   * the figure covers the last 10 to 20 minutes rather than all time.
   */
  synchronized Calls recentCalls(Calls now) {
    if (baseline == null) {
      baseline = new Calls(now.at(), 0, 0);
    }
    shownFrom = baseline;
    Calls recent = now.minus(baseline);
    if (Duration.between(baseline.at(), now.at()).compareTo(ERROR_WINDOW) > 0) {
      baseline = now;
    }
    return recent;
  }

  private static Calls now() {
    long failed = 0;
    long all = 0;
    double millis = 0;
    for (Timer t : Metrics.globalRegistry.find("statedesk.gateway.calls").timers()) {
      all += t.count();
      millis += t.totalTime(TimeUnit.MILLISECONDS);
      if (!"success".equals(t.getId().getTag("result"))) {
        failed += t.count();
      }
    }
    return new Calls(Instant.now(), failed, all, millis);
  }

  private Finding sessions() {
    // the pool's problems are refused or missing credentials and sessions taken over: the first
    // need an admin, the others are someone else's desktop
    Map<Integer, String> problems = sessions.hostedProblems();
    long refused =
        sessions.availability(problems.keySet()).values().stream()
            .filter(a -> a != Availability.TAKEN_OVER)
            .count();
    Map<Availability, Integer> counts = sessions.counts();
    if (refused > 0) {
      return new Finding(Topic.SESSIONS, Level.PROBLEM, "refused", refused, null);
    }
    int takenOver = counts.get(Availability.TAKEN_OVER);
    if (takenOver > 0) {
      return new Finding(Topic.SESSIONS, Level.WARNING, "takenOver", takenOver, null);
    }
    int without = counts.get(Availability.NONE) + counts.get(Availability.STALE);
    if (without > 0) {
      return new Finding(Topic.SESSIONS, Level.WARNING, "none", without, null);
    }
    return Finding.ok(
        Topic.SESSIONS, counts.get(Availability.HOSTED) + counts.get(Availability.RELAYED));
  }

  private Finding sync() {
    SyncStatus status = sync.status();
    SyncStatus.Attempt last = status.lastAttempt();
    if (last != null && !last.succeeded()) {
      return new Finding(Topic.SYNC, Level.PROBLEM, "failing", 0, last.failure());
    }
    if (!status.enabled()) {
      return new Finding(Topic.SYNC, Level.OK, "off", 0, null);
    }
    return last == null
        ? new Finding(Topic.SYNC, Level.WARNING, "never", 0, null)
        : Finding.ok(Topic.SYNC, 0);
  }

  private Finding schedules() {
    Instant due = Instant.now().minus(LATE);
    long late = 0;
    List<ScheduleView> open = schedules.list(true);
    for (ScheduleView s : open) {
      boolean startLate = s.status() == ScheduleStatus.SCHEDULED && s.startAt().isBefore(due);
      boolean revertLate =
          s.status() == ScheduleStatus.RUNNING
              && s.revertAt() != null
              && s.revertAt().isBefore(due);
      if (startLate || revertLate) {
        late++;
      }
    }
    return late > 0
        ? new Finding(Topic.SCHEDULES, Level.PROBLEM, "late", late, null)
        : Finding.ok(Topic.SCHEDULES, open.size());
  }

  private Optional<Finding> ldap() {
    return ldap.reachable()
        .map(
            up ->
                up
                    ? Finding.ok(Topic.LDAP, 0)
                    : new Finding(Topic.LDAP, Level.PROBLEM, "down", 0, null));
  }
}
