package io.statedesk.core.bulk;

import dev.failsafe.CircuitBreaker;
import dev.failsafe.Failsafe;
import dev.failsafe.RetryPolicy;
import io.statedesk.core.gateway.AgentId;
import io.statedesk.core.gateway.GatewayException;
import io.statedesk.core.gateway.GatewayRejectedException;
import io.statedesk.core.gateway.GatewayUnavailableException;
import io.statedesk.core.gateway.RetcodeClass;
import io.statedesk.core.gateway.SharedRate;
import io.statedesk.core.session.AgentHandle;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What happens to one agent of a bulk change: handle, call, classify, retry, renew, read back.
 *
 * <p>Transient failures (retcodes of class TRANSIENT, timeouts, refused connections, HTTP 5xx and
 * 429) are retried with capped exponential backoff and jitter, honouring the gateway's {@code
 * Retry-After}, within a budget of attempts (Failsafe's {@link RetryPolicy}: a maintained library
 * rather than our own loop). A stale session (100-006, 000-003) gets one fresh handle and one more
 * call; anything else is final at once. Before every call the shared {@link CircuitBreaker} is
 * asked: while it is open (the gateway is down for everyone) the agent waits instead of burning its
 * budget, and the change reports itself paused. One instance is shared by all changes of a console
 * instance, and it holds no per-agent state.
 *
 * <p>A call whose answer was lost (a timeout) may have taken effect at the gateway: the next
 * attempt reads the state back first and sends nothing if it is already the target, so that an
 * agent is not called again after a success whose answer never arrived (issue 19).
 *
 * <p>The way to the gateway (breaker, rate, the call itself) is {@link GatewayGate}; the retry
 * policy is built by {@link Settings#retryPolicy}. What stays here is one algorithm over one
 * agent's handle and counters: the attempts, the renewal and the read-backs that decide whether a
 * call is sent again.
 */
public final class AgentCall {

  /** The retry budget and the waits. */
  public record Settings(
      int maxAttempts,
      Duration backoffBase,
      Duration backoffCap,
      double jitter,
      Duration maxRetryAfter,
      Duration renewWait) {
    /**
     * The attempts of one agent: retryable failures only, capped exponential backoff with jitter,
     * the gateway's {@code Retry-After} when it gives one (at most {@link #maxRetryAfter}).
     */
    RetryPolicy<Object> retryPolicy() {
      return RetryPolicy.builder()
          .handleIf(AgentCall::isRetryable)
          .abortOn(CancelledException.class, NoFreshSessionException.class)
          .withBackoff(backoffBase(), backoffCap())
          .withJitter(jitter())
          .withDelayFn(
              ctx -> {
                // a negative delay makes Failsafe use the backoff above
                Throwable last = ctx.getLastException();
                if (last instanceof GatewayUnavailableException u && u.retryAfter().isPresent()) {
                  Duration asked = u.retryAfter().get();
                  return asked.compareTo(maxRetryAfter()) > 0 ? maxRetryAfter() : asked;
                }
                return Duration.ofMillis(-1);
              })
          .withMaxAttempts(maxAttempts())
          .build();
    }
  }

  /**
   * One agent's call.
   *
   * @param recheck taken over from an instance that died with it in flight: read the state back
   *     first, and call only if the call had not taken effect
   */
  public record Work(
      long outcomeId, AgentId agentId, StateTarget target, boolean verify, boolean recheck) {
    public Work(long outcomeId, AgentId agentId, StateTarget target, boolean verify) {
      this(outcomeId, agentId, target, verify, false);
    }
  }

  /** The change was cancelled before the agent's next call. */
  static final class CancelledException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CancelledException() {
      super("cancelled", null, false, false);
    }
  }

  /** The gateway refused the handle as stale and no fresh one could be had. */
  static final class NoFreshSessionException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    final transient GatewayRejectedException refusal;
    final boolean renewed;

    /** What the console knew of the agent's session when none came ("taken over: ..."), if any. */
    final String why;

    NoFreshSessionException(GatewayRejectedException refusal, boolean renewed) {
      this(refusal, renewed, null);
    }

    NoFreshSessionException(GatewayRejectedException refusal, boolean renewed, String why) {
      super(refusal.getMessage(), refusal, false, false);
      this.refusal = refusal;
      this.renewed = renewed;
      this.why = why;
    }
  }

  private final GatewayGate gate;
  private final SessionPort sessions;
  private final Settings settings;

  /**
   * @param limiter this console's share of the cluster's call rate, or {@code null} for no limit
   */
  public AgentCall(
      GatewayPort gateway,
      SessionPort sessions,
      CircuitBreaker<Object> breaker,
      SharedRate limiter,
      Settings settings) {
    this.gate = new GatewayGate(gateway, breaker, limiter);
    this.sessions = sessions;
    this.settings = settings;
  }

  static boolean isRetryable(Throwable failure) {
    return GatewayException.isTransient(failure);
  }

  /**
   * Runs the agent's work to a final result; never throws.
   *
   * @param cancelled asked before every call: true ends the agent as cancelled
   * @param paused told (repeatedly) while the breaker keeps the agent waiting
   */
  public AgentResult run(Work work, BooleanSupplier cancelled, Runnable paused) {
    long start = System.nanoTime();
    Optional<AgentHandle> first = sessions.awaitCurrent(work.agentId(), settings.renewWait());
    if (first.isEmpty()) {
      return result(
          work,
          OutcomeStatus.NO_SESSION,
          false,
          null,
          "No usable session" + sessions.note(work.agentId()).map(n -> ": " + n).orElse(""),
          0,
          start);
    }
    Attempts attempts = new Attempts(work, first.get(), cancelled, paused);
    try {
      Failsafe.with(settings.retryPolicy()).run(attempts::once);
    } catch (RuntimeException e) {
      return failed(work, attempts, e, start);
    }
    if (attempts.tookEffectUnanswered) {
      return result(
          work, OutcomeStatus.SUCCEEDED, true, "0", UNANSWERED_BUT_SET, attempts.count, start);
    }
    return confirmed(work, attempts, start);
  }

  /** The reason of an agent whose lost answer a read-back showed to have taken effect. */
  static final String UNANSWERED_BUT_SET =
      "Confirmed by a read-back after a call whose answer was lost (not sent again)";

  /** The calls made for one agent: the handle in use, whether it was renewed, how many calls. */
  private final class Attempts {
    final Work work;
    final BooleanSupplier cancelled;
    final Runnable paused;
    AgentHandle handle;
    boolean renewed;
    int count;

    /**
     * The last call timed out: it may have reached the gateway and taken effect. Issue 19: no call
     * is sent again after a success, so the next attempt reads the state back first.
     */
    boolean unanswered;

    /** A read-back after an unanswered call found the target: nothing was sent again. */
    boolean tookEffectUnanswered;

    Attempts(Work work, AgentHandle handle, BooleanSupplier cancelled, Runnable paused) {
      this.work = work;
      this.handle = handle;
      this.cancelled = cancelled;
      this.paused = paused;
    }

    /**
     * One attempt; a stale handle is renewed once and called again within the attempt. After an
     * unanswered call the attempt first reads the state back and sends nothing if it is the target.
     */
    void once() throws InterruptedException {
      gate.await(cancelled, paused);
      if (unanswered) {
        unanswered = false;
        if (gate.readBack(handle).matches(work.target())) {
          tookEffectUnanswered = true;
          return;
        }
      }
      try {
        callOnce();
      } catch (GatewayUnavailableException u) {
        unanswered = u.kind() == GatewayUnavailableException.Kind.TIMEOUT;
        throw u;
      }
    }

    private void callOnce() throws InterruptedException {
      count++;
      try {
        gate.call(handle, work.target());
      } catch (GatewayRejectedException r) {
        if (r.retcodeClass() != RetcodeClass.STALE_SESSION) {
          throw r;
        }
        if (renewed) {
          throw new NoFreshSessionException(r, true);
        }
        renewed = true;
        Optional<AgentHandle> fresh = sessions.renew(handle, settings.renewWait());
        if (fresh.isEmpty()) {
          throw new NoFreshSessionException(r, false, sessions.note(work.agentId()).orElse(null));
        }
        handle = fresh.get();
        gate.await(cancelled, paused);
        count++;
        try {
          gate.call(handle, work.target());
        } catch (GatewayRejectedException again) {
          if (again.retcodeClass() == RetcodeClass.STALE_SESSION) {
            throw new NoFreshSessionException(again, true);
          }
          throw again;
        }
      }
    }
  }

  /** The final result for a failure that ended the attempts. */
  private AgentResult failed(Work work, Attempts a, RuntimeException failure, long start) {
    return AgentResults.failed(
        work, a.count, a.handle.source(), failure, () -> gate.readBack(a.handle), start);
  }

  /** The result once the gateway accepted the call: read back if the work asks for it. */
  private AgentResult confirmed(Work work, Attempts a, long start) {
    if (!work.verify()) {
      return result(work, OutcomeStatus.SUCCEEDED, false, "0", null, a.count, start);
    }
    Reading readBack = gate.readBack(a.handle);
    if (!readBack.isKnown()) {
      return result(
          work,
          OutcomeStatus.SUCCEEDED,
          false,
          "0",
          "Accepted; the read-back failed, so it is not verified",
          a.count,
          start);
    }
    if (readBack.matches(work.target())) {
      return result(work, OutcomeStatus.SUCCEEDED, true, "0", null, a.count, start);
    }
    return result(
        work,
        OutcomeStatus.FAILED,
        false,
        "0",
        "The gateway accepted the call but reads back "
            + (readBack instanceof Reading.Code c ? c.state().toString() : "no custom state"),
        a.count,
        start);
  }

  private static AgentResult result(
      Work work,
      OutcomeStatus status,
      boolean verified,
      String retcode,
      String reason,
      int attempts,
      long startNanos) {
    return AgentResults.of(work, status, verified, retcode, reason, attempts, startNanos);
  }
}
