package io.statedesk.core.bulk;

import dev.failsafe.FailsafeException;
import io.statedesk.core.gateway.GatewayException;
import io.statedesk.core.gateway.GatewayRejectedException;
import io.statedesk.core.gateway.GatewayUnavailableException;
import io.statedesk.core.gateway.GatewayUnavailableException.Kind;
import io.statedesk.core.gateway.InvalidGatewayRequestException;
import io.statedesk.core.gateway.RetcodeClass;
import io.statedesk.core.session.SessionSource;
import java.time.Duration;
import java.util.function.Supplier;

/** How {@link AgentCall} turns what happened to one agent into its final {@link AgentResult}. */
final class AgentResults {

  private AgentResults() {}

  /**
   * The final result for a failure that ended an agent's attempts.
   *
   * @param n the calls made
   * @param source where the agent's session came from (a relayed one is renewed only by its
   *     desktop)
   * @param readBack reads the agent's state back once (for a clear that found nothing set)
   */
  static AgentResult failed(
      AgentCall.Work work,
      int n,
      SessionSource source,
      RuntimeException failure,
      Supplier<Reading> readBack,
      long start) {
    if (failure instanceof AgentCall.CancelledException) {
      String reason =
          n == 0
              ? "Cancelled before the agent was called"
              : "Cancelled after " + n + " attempt(s) that did not succeed";
      return of(work, OutcomeStatus.CANCELLED, false, null, reason, n, start);
    }
    if (failure instanceof AgentCall.NoFreshSessionException s) {
      String reason =
          "Session stale: the gateway refused the agent's Guid ("
              + s.refusal.retcode().meaning()
              + ")"
              + (s.renewed
                  ? " and refused the fresh one too"
                  : source == SessionSource.RELAYED
                      ? "; a relayed session is renewed only by the agent's desktop"
                      : "; no fresh session could be obtained"
                          + (s.why == null ? "" : " (" + s.why + ")"));
      return of(work, OutcomeStatus.FAILED, false, s.refusal.retcode().code(), reason, n, start);
    }
    if (failure instanceof GatewayRejectedException r) {
      if (work.target() instanceof StateTarget.Clear
          && r.retcodeClass() == RetcodeClass.AGENT_STATE) {
        // cancelsetcustomstate with nothing set: fine if a read-back confirms there is none
        if (readBack.get() instanceof Reading.NotSet) {
          return of(work, OutcomeStatus.SUCCEEDED, true, null, "No custom state was set", n, start);
        }
      }
      String reason = (r.isRetryable() ? gaveUp(n) : "") + r.retcode().meaning();
      return of(work, OutcomeStatus.FAILED, false, r.retcode().code(), reason, n, start);
    }
    if (failure instanceof GatewayException g) {
      String reason = (g.isRetryable() ? gaveUp(n) : "") + g.getMessage();
      return of(work, OutcomeStatus.FAILED, false, transportCode(g), reason, n, start);
    }
    if (failure instanceof FailsafeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      if (cause instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      String reason = "Interrupted: " + cause.getClass().getSimpleName();
      return of(work, OutcomeStatus.FAILED, false, null, reason, n, start);
    }
    String reason = "Unexpected failure: " + failure.getClass().getSimpleName();
    return of(work, OutcomeStatus.FAILED, false, null, reason, n, start);
  }

  static String gaveUp(int attempts) {
    return "Gave up after " + attempts + " attempts: ";
  }

  static String transportCode(GatewayException g) {
    if (g instanceof GatewayUnavailableException u) {
      return u.kind() == Kind.HTTP_STATUS ? "HTTP " + u.httpStatus() : u.kind().name();
    }
    if (g instanceof InvalidGatewayRequestException) {
      return "INVALID";
    }
    return null;
  }

  static AgentResult of(
      AgentCall.Work work,
      OutcomeStatus status,
      boolean verified,
      String retcode,
      String reason,
      int attempts,
      long startNanos) {
    return new AgentResult(
        work.outcomeId(),
        work.agentId(),
        work.target(),
        status,
        verified,
        retcode,
        reason,
        attempts,
        Duration.ofNanos(System.nanoTime() - startNanos).toMillis());
  }
}
