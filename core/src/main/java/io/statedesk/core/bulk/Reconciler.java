package io.statedesk.core.bulk;

import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.desired.Desired;
import io.statedesk.core.desired.DesiredSettings;
import io.statedesk.core.desired.DesiredStore;
import io.statedesk.core.desired.ManagedThreads;
import io.statedesk.core.desired.SessionClock;
import io.statedesk.core.directory.AgentDirectory;
import io.statedesk.core.directory.DirectoryAgent;
import io.statedesk.core.directory.DirectoryStates;
import io.statedesk.core.gateway.AgentId;
import io.statedesk.core.session.SessionStarted;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps one agent's desired state true: reads the state back in the agent's current session and, if
 * it differs, sets the desired one again after a new session (the state went with the old one) or
 * reports drift (changed outside StateDesk; overwritten too if {@code
 * statedesk.desired.overwrite-drift}). Each re-application and drift is counted on the change that
 * set the state and written to the agent's history (the audit log, subject "agent N").
 */
@ApplicationScoped
public class Reconciler {

  private static final Logger LOG = Logger.getLogger(Reconciler.class.getName());

  /** Why the agent is reconciled. */
  public enum Cause {
    /** The agent got a new session at this console. */
    NEW_SESSION,
    /** The background read-back came to it. */
    CHECK
  }

  /** What reconciling found and did. */
  public enum Result {
    /** The console intends nothing for the agent (or its desire has ended or never took). */
    NO_DESIRE,
    /** A change is still calling the agent: it is left to that change. */
    BUSY,
    /** No usable session, or the read-back failed. */
    UNREADABLE,
    /** The agent has its desired state. */
    HELD,
    /** Set again after a new session. */
    REAPPLIED,
    /** Changed outside StateDesk, reported only. */
    DRIFT_REPORTED,
    /** Changed outside StateDesk, and set back. */
    DRIFT_OVERWRITTEN,
    /** Setting it again failed. */
    FAILED
  }

  @Inject DesiredStore desired;
  @Inject OutcomeClaims claims;
  @Inject OutcomeRecorder recorder;
  @Inject ChangeQueries queries;
  @Inject BulkEngine engine;
  @Inject AgentDirectory directory;
  @Inject DirectoryStates directoryStates;
  @Inject AuditLog audit;
  @Inject SessionClock clock;
  @Inject DesiredSettings settings;

  /** Agents whose new session came before the engine started (hosted sign-ins at start-up). */
  private final Set<AgentId> early = ConcurrentHashMap.newKeySet();

  /** Agents queued for new-session reconciliation (once each, however many events). */
  private final Set<AgentId> queued = ConcurrentHashMap.newKeySet();

  private volatile ExecutorService pool;

  /**
   * A new session starts without a custom state: read back and re-apply the desired one. The work
   * goes to this bean's own few managed threads, never the event's thread (a burst of sign-ins
   * after a restart must not hold the container's asynchronous event threads on gateway calls).
   */
  void onSessionStarted(@ObservesAsync SessionStarted started) {
    clock.started(started.agentId(), started.at());
    AgentId agent = new AgentId(started.agentId());
    if (!engine.isStarted()) {
      early.add(agent);
      return;
    }
    if (queued.add(agent)) {
      pool()
          .execute(
              () -> {
                queued.remove(agent);
                try {
                  reconcile(agent, Cause.NEW_SESSION);
                } catch (RuntimeException e) {
                  LOG.log(Level.WARNING, "Could not reconcile agent " + agent, e);
                }
              });
    }
  }

  private ExecutorService pool() {
    ExecutorService p = pool;
    if (p == null) {
      synchronized (this) {
        if (pool == null) {
          pool = Executors.newFixedThreadPool(4, ManagedThreads.factory());
        }
        p = pool;
      }
    }
    return p;
  }

  @PreDestroy
  void stop() {
    if (pool != null) {
      pool.shutdownNow();
    }
  }

  /** Reconciles the agents whose new session came before the engine started; returns how many. */
  public int reconcileEarly() {
    int n = 0;
    for (AgentId agent : List.copyOf(early)) {
      early.remove(agent);
      try {
        reconcile(agent, Cause.NEW_SESSION);
        n++;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not reconcile agent " + agent, e);
      }
    }
    return n;
  }

  /**
   * Reconciles one agent now, under the agent's call lock: a change's call for the agent waits, and
   * one that came first shows as busy. Why the read-back too: unlocked, a read-back made just
   * before a change set the agent's state was recorded just after it, and the directory said the
   * old code "read back in the current session"; the next change then skipped the agent as already
   * in that state while the gateway had the new one (seen in ScheduleApiIT).
   */
  public Result reconcile(AgentId agentId, Cause cause) {
    return engine.underAgentLock(agentId, () -> reconcileLocked(agentId, cause));
  }

  private Result reconcileLocked(AgentId agentId, Cause cause) {
    Optional<Desired> top = desired.top(agentId.value());
    if (top.isEmpty() || !inForce(top.get())) {
      return Result.NO_DESIRE;
    }
    Desired want = top.get();
    StateTarget target = StateTarget.ofColumn(want.code());
    if (claims.busy(agentId)) {
      return Result.BUSY;
    }
    Instant verifiedBefore =
        directory.find(agentId.value()).map(DirectoryAgent::getCustomStateVerifiedAt).orElse(null);
    Reading actual = engine.readBack(agentId);
    if (!actual.isKnown()) {
      return Result.UNREADABLE;
    }
    if (actual.matches(target)) {
      directoryStates.recordReadBack(agentId.value(), want.code(), false);
      recorder.drifted(want.changeId(), agentId, false);
      return Result.HELD;
    }
    boolean newSession =
        isNewSession(cause, clock.inCurrentSession(agentId.value(), verifiedBefore));
    if (!newSession) {
      directoryStates.recordReadBack(agentId.value(), actual.column(), true);
      recorder.drifted(want.changeId(), agentId, true);
      history(agentId, AuditAction.DESIRED_DRIFT, want, "reads back " + actual.describe());
      if (!settings.overwriteDrift()) {
        return Result.DRIFT_REPORTED;
      }
    }
    Optional<AgentResult> applied = engine.apply(agentId, target, () -> stillWanted(agentId, want));
    if (applied.isEmpty()) {
      return Result.BUSY; // a change took the agent up meanwhile, or the desire changed
    }
    return recordApplied(agentId, want, applied.get(), newSession);
  }

  /**
   * What the re-application of {@code want} came to, recorded: the outcome's re-applications and
   * the agent's history, then the directory's read-back.
   */
  private Result recordApplied(
      AgentId agentId, Desired want, AgentResult result, boolean newSession) {
    if (result.status() != OutcomeStatus.SUCCEEDED) {
      history(agentId, AuditAction.DESIRED_REAPPLY_FAILED, want, result.reason());
      return Result.FAILED;
    }
    // the call the gateway accepted is recorded first: a directory row that cannot be written
    // (seen: an embedded H2 index damaged by a kill -9) must not hide a set from the outcome
    Result done;
    if (newSession) {
      recorder.reapplied(want.changeId(), agentId);
      history(agentId, AuditAction.DESIRED_REAPPLIED, want, "after a new session");
      done = Result.REAPPLIED;
    } else {
      history(agentId, AuditAction.DESIRED_DRIFT_OVERWRITTEN, want, "set back");
      done = Result.DRIFT_OVERWRITTEN;
    }
    if (result.verified()) {
      try {
        directoryStates.recordReadBack(agentId.value(), want.code(), false);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Agent " + agentId + ": read-back not recorded in the directory", e);
      }
    }
    return done;
  }

  /**
   * Whether a state that differs from the desired one is explained by a new session (so it is set
   * again) rather than changed outside StateDesk (drift): the event says so, or the last read-back
   * was made before the agent's current session began (or before this console started).
   */
  static boolean isNewSession(Cause cause, boolean lastReadBackInCurrentSession) {
    return cause == Cause.NEW_SESSION || !lastReadBackInCurrentSession;
  }

  /** Under the agent's lock: no change is calling it, and the desire is still the same. */
  private boolean stillWanted(AgentId agentId, Desired want) {
    return !claims.busy(agentId)
        && desired.top(agentId.value()).map(d -> d.changeId() == want.changeId()).orElse(false);
  }

  /** A desire counts while its change took effect on the agent and its revert is not due. */
  private boolean inForce(Desired want) {
    if (want.until() != null && !want.until().isAfter(Instant.now())) {
      return false;
    }
    Optional<OutcomeStatus> status =
        queries.outcomeStatus(want.changeId(), new AgentId(want.agentId()));
    return status.isPresent()
        && (status.get() == OutcomeStatus.SUCCEEDED || status.get() == OutcomeStatus.SKIPPED);
  }

  private void history(AgentId agentId, AuditAction action, Desired want, String detail) {
    audit.record(
        "system",
        action,
        "agent " + agentId,
        (want.code() == null ? "no custom state" : "state " + want.code())
            + " of change "
            + want.changeId()
            + " (by "
            + want.setBy()
            + "): "
            + detail,
        null);
  }
}
