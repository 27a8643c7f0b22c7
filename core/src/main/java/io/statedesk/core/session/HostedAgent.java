package io.statedesk.core.session;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One hosted agent's place in the pool: which session generation is current, whether a sign-in is
 * due, and how the last attempt ended. Guarded by its own monitor.
 *
 * <p>Why a generation: every poll chain and every sign-in carries the generation it belongs to.
 * Only the chain of the current generation may poll, rotate the Guid or report the session's end;
 * an answer that arrives for an older generation (a superseded poll, a renewal racing the pool) is
 * dropped quietly. That is what keeps one poll chain per agent and stops a stale answer for an old
 * Guid from signing the agent in again over the session that replaced it.
 */
final class HostedAgent {

  /** How the agent's last sign-in or session ended. */
  enum Phase {
    /** Not signed in yet. */
    NEW,
    /** A live session of the current generation; its poll chain runs. */
    LIVE,
    /** The gateway ended the session; a new sign-in is due. */
    LOST,
    /** The gateway was unreachable or answered a transient error; retried with backoff. */
    UNAVAILABLE,
    /**
     * 100-002 right after start: most likely this console's own session from before the restart,
     * which the gateway keeps until its session timeout; retried every ~15 s until then.
     */
    RECLAIMING,
    /** 100-002 with force off: somebody else holds the session; retried, never overridden. */
    TAKEN_OVER,
    /** The credentials were refused; not retried until they change. */
    REFUSED,
    /** No credentials are configured for the agent. */
    NO_CREDENTIALS
  }

  final int id;

  /** When this console began hosting the agent ({@link System#nanoTime()}). */
  final long hostedAt = System.nanoTime();

  private long generation;
  private Phase phase = Phase.NEW;
  private boolean due;
  private int failures;
  // due is read only by markDue: the phases say whether a sign-in is expected
  private long refusedVersion;
  private boolean reclaim;
  private CompletableFuture<Void> changed = new CompletableFuture<>();

  HostedAgent(int id) {
    this.id = id;
  }

  /**
   * Marks a sign-in as due; false when one already is (so that at most one is scheduled or running
   * per agent, whatever asks for it).
   */
  synchronized boolean markDue() {
    if (due) {
      return false;
    }
    due = true;
    return true;
  }

  /** A new session: the next generation, whose number the new poll chain carries. */
  synchronized long live() {
    generation++;
    phase = Phase.LIVE;
    due = false;
    failures = 0;
    reclaim = false;
    signal();
    return generation;
  }

  /** The sign-in attempt ended without a session. */
  synchronized void settle(Phase outcome) {
    phase = outcome;
    due = false;
    signal();
  }

  /**
   * The session of {@code generation} ended at the gateway; true only for the first report about
   * the current, live generation (the caller then schedules the one sign-in).
   */
  synchronized boolean end(long ofGeneration) {
    if (ofGeneration != generation || phase != Phase.LIVE) {
      return false;
    }
    phase = Phase.LOST;
    signal();
    return true;
  }

  /** The pool stops: every chain ends, no sign-in is scheduled any more. */
  synchronized void retire() {
    generation++;
    phase = Phase.NEW;
    due = true;
    signal();
  }

  /** Whether a poll chain of {@code ofGeneration} may go on. */
  synchronized boolean isCurrent(long ofGeneration) {
    return ofGeneration == generation && phase == Phase.LIVE;
  }

  synchronized long generation() {
    return generation;
  }

  synchronized Phase phase() {
    return phase;
  }

  /**
   * Whether a usable session is expected soon: a sign-in is due (always, in these phases) and
   * nothing says it will fail: not signed in yet, the session was lost, the gateway was briefly
   * unavailable, or this console reclaims its own session after a restart. A taken-over or refused
   * agent is not waited for.
   */
  synchronized boolean expectsSession() {
    return switch (phase) {
      case NEW, LOST, UNAVAILABLE, RECLAIMING -> true;
      case LIVE, TAKEN_OVER, REFUSED, NO_CREDENTIALS -> false;
    };
  }

  /**
   * Whether the sign-in this console owes the agent is still under way: not tried yet, or after a
   * lost session or a brief outage. Unlike {@link #expectsSession()}, an agent retried because
   * 100-002 came back (maybe this console's own old session) is not counted: it has an answer.
   */
  synchronized boolean signInUnderWay() {
    return phase == Phase.NEW || phase == Phase.LOST || phase == Phase.UNAVAILABLE;
  }

  synchronized int nextFailure() {
    return ++failures;
  }

  synchronized void clearFailures() {
    failures = 0;
  }

  /** The credentials version that was refused, to retry only once it changes. */
  synchronized void refused(long credentialsVersion) {
    refusedVersion = credentialsVersion;
  }

  synchronized boolean refusedAt(long credentialsVersion) {
    return (phase == Phase.REFUSED || phase == Phase.NO_CREDENTIALS)
        && refusedVersion == credentialsVersion;
  }

  /** This console held the agent's session before an unclean stop: take it back by force. */
  synchronized void reclaimByForce(boolean value) {
    reclaim = value;
  }

  synchronized boolean reclaimByForce() {
    return reclaim;
  }

  /** Completes at the agent's next change of phase. */
  synchronized CompletableFuture<Void> nextChange() {
    return changed;
  }

  /**
   * Waits for {@code change} until {@code deadline} ({@link System#nanoTime()}); false when the
   * time is up or the thread was interrupted.
   */
  static boolean await(CompletableFuture<Void> change, long deadline) {
    long left = deadline - System.nanoTime();
    if (left <= 0) {
      return false;
    }
    try {
      change.get(left, TimeUnit.NANOSECONDS);
      return true;
    } catch (TimeoutException | ExecutionException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  private void signal() {
    CompletableFuture<Void> done = changed;
    changed = new CompletableFuture<>();
    done.complete(null);
  }
}
