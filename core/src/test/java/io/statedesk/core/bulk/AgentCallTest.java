package io.statedesk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.failsafe.CircuitBreaker;
import io.statedesk.core.gateway.AgentId;
import io.statedesk.core.gateway.GatewayRejectedException;
import io.statedesk.core.gateway.GatewayUnavailableException;
import io.statedesk.core.gateway.Retcodes;
import io.statedesk.core.session.AgentHandle;
import io.statedesk.core.session.SessionSource;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The per-agent algorithm against a scripted gateway: retries, renewal, breaker, read-back. */
class AgentCallTest {

  static final GatewayUnavailableException.Call SET =
      new GatewayUnavailableException.Call("setCustomState", 10001);

  static final AgentCall.Settings FAST =
      new AgentCall.Settings(
          5,
          Duration.ofMillis(1),
          Duration.ofMillis(5),
          0.25,
          Duration.ofMillis(300),
          Duration.ofMillis(10));

  static GatewayRejectedException rejected(String code) {
    return new GatewayRejectedException("setCustomState", 10001, Retcodes.of(code));
  }

  static GatewayUnavailableException http(int status, Duration retryAfter) {
    return GatewayUnavailableException.httpStatus(SET, status, retryAfter);
  }

  static GatewayUnavailableException timeout() {
    return GatewayUnavailableException.timeout(SET, "no answer within 8000 ms", null);
  }

  static GatewayUnavailableException refused() {
    return GatewayUnavailableException.connect(SET, "refused", null);
  }

  static AgentHandle handle(String guid, SessionSource source) {
    return new AgentHandle(10001, guid, null, 2, source, Instant.now());
  }

  /** Sessions with one handle; renew gives {@code fresh} (or nothing). */
  static SessionPort sessions(AgentHandle current, AgentHandle fresh) {
    return sessions(current, fresh, false);
  }

  /** The same, and whether a first sign-in of the agent is under way. */
  static SessionPort sessions(AgentHandle current, AgentHandle fresh, boolean signingIn) {
    return new SessionPort() {
      @Override
      public Optional<AgentHandle> current(AgentId agentId) {
        return Optional.ofNullable(current);
      }

      @Override
      public Optional<AgentHandle> renew(AgentHandle stale, Duration wait) {
        return Optional.ofNullable(fresh);
      }

      @Override
      public Optional<String> note(AgentId agentId) {
        return Optional.of("signed in elsewhere");
      }

      @Override
      public boolean signingIn(AgentId agentId, Duration within) {
        return signingIn;
      }
    };
  }

  static CircuitBreaker<Object> breaker(int failures, Duration delay) {
    return CircuitBreaker.builder()
        .withFailureThreshold(failures)
        .withDelay(delay)
        .withSuccessThreshold(1)
        .build();
  }

  AgentResult run(
      ScriptedGateway gateway, SessionPort sessions, StateTarget target, boolean verify) {
    AgentCall call =
        new AgentCall(gateway, sessions, breaker(100, Duration.ofSeconds(1)), null, FAST);
    return call.run(
        new AgentCall.Work(1, new AgentId(10001), target, verify), () -> false, () -> {});
  }

  static final SessionPort HOSTED = sessions(handle("g-1", SessionSource.HOSTED), null);

  @Test
  void transientFailuresAreRetriedUntilTheySucceed() {
    ScriptedGateway gateway =
        new ScriptedGateway().fail(rejected("100-007"), rejected("000-004"), http(503, null));
    AgentResult r = run(gateway, HOSTED, StateTarget.set(101), true);
    assertThat(r.status()).as(r.reason()).isEqualTo(OutcomeStatus.SUCCEEDED);
    assertThat(r.verified()).isTrue();
    assertThat(r.attempts()).isEqualTo(4);
    assertThat(gateway.state).isEqualTo(101);
  }

  /**
   * Issue 19: a call whose answer was lost (a timeout) may have taken effect. It is read back
   * before anything is sent again: the state is there, so nothing is sent a second time.
   */
  @Test
  void aCallWhoseAnswerWasLostIsReadBackAndNotSentAgainWhenItTookEffect() {
    ScriptedGateway gateway = new ScriptedGateway();
    gateway.loseAnswers = 1;
    AgentResult r = run(gateway, HOSTED, StateTarget.set(101), false);
    assertThat(gateway.sets).as("calls sent").hasValue(1);
    assertThat(r.status()).as(r.reason()).isEqualTo(OutcomeStatus.SUCCEEDED);
    assertThat(r.verified()).isTrue();
    assertThat(r.reason()).isEqualTo(AgentCall.UNANSWERED_BUT_SET);
    assertThat(r.attempts()).isEqualTo(1);
  }

  /** The read-back after a lost answer shows the state unchanged: the call is sent again. */
  @Test
  void aCallWhoseAnswerWasLostIsSentAgainWhenTheReadBackShowsItDidNotTakeEffect() {
    ScriptedGateway gateway = new ScriptedGateway().fail(timeout());
    AgentResult r = run(gateway, HOSTED, StateTarget.set(101), true);
    assertThat(gateway.sets).hasValue(2);
    assertThat(r.status()).as(r.reason()).isEqualTo(OutcomeStatus.SUCCEEDED);
    assertThat(r.reason()).isNull();
    assertThat(gateway.state).isEqualTo(101);
  }

  @Test
  void permanentFailuresAreFinalAtOnce() {
    ScriptedGateway gateway = new ScriptedGateway().fail(rejected("100-009"));
    AgentResult r = run(gateway, HOSTED, StateTarget.set(101), true);
    assertThat(r.status()).isEqualTo(OutcomeStatus.FAILED);
    assertThat(r.retcode()).isEqualTo("100-009");
    assertThat(r.attempts()).isEqualTo(1);
    assertThat(r.reason()).isEqualTo("agent state error when setting state");
    assertThat(gateway.sets).hasValue(1);
  }

  @Test
  void theRetryBudgetEndsAPersistentTransientFailure() {
    ScriptedGateway gateway = new ScriptedGateway();
    for (int i = 0; i < 10; i++) {
      gateway.fail(rejected("100-007"));
    }
    AgentResult r = run(gateway, HOSTED, StateTarget.set(101), false);
    assertThat(r.status()).isEqualTo(OutcomeStatus.FAILED);
    assertThat(r.attempts()).isEqualTo(5);
    assertThat(r.retcode()).isEqualTo("100-007");
    assertThat(r.reason()).startsWith("Gave up after 5 attempts");
  }

  @Test
  void aStaleSessionGetsOneFreshHandleAndOneMoreCall() {
    ScriptedGateway gateway = new ScriptedGateway().fail(rejected("100-006"));
    AgentResult r =
        run(
            gateway,
            sessions(handle("old", SessionSource.HOSTED), handle("new", SessionSource.HOSTED)),
            StateTarget.set(101),
            false);
    assertThat(r.status()).isEqualTo(OutcomeStatus.SUCCEEDED);
    assertThat(gateway.guidsUsed).containsExactly("old", "new");
  }

  @Test
  void aFreshHandleThatIsRefusedTooEndsAsStale() {
    ScriptedGateway gateway = new ScriptedGateway().fail(rejected("100-006"), rejected("000-003"));
    AgentResult r =
        run(
            gateway,
            sessions(handle("old", SessionSource.HOSTED), handle("new", SessionSource.HOSTED)),
            StateTarget.set(101),
            false);
    assertThat(r.status()).isEqualTo(OutcomeStatus.FAILED);
    assertThat(r.retcode()).isEqualTo("000-003");
    assertThat(r.reason()).contains("refused the fresh one too");
    assertThat(gateway.guidsUsed).containsExactly("old", "new");
  }

  /** The supervisor reads why no fresh session came, not only that none did. */
  @Test
  void aStaleHostedSessionWithoutAFreshOneSaysWhy() {
    ScriptedGateway gateway = new ScriptedGateway().fail(rejected("100-006"));
    AgentResult r =
        run(
            gateway,
            sessions(handle("hosted-guid-9", SessionSource.HOSTED), null),
            StateTarget.set(101),
            false);
    assertThat(r.status()).isEqualTo(OutcomeStatus.FAILED);
    assertThat(r.retcode()).isEqualTo("100-006");
    assertThat(r.reason())
        .endsWith("; no fresh session could be obtained (signed in elsewhere)")
        .doesNotContain("hosted-guid-9");
    assertThat(gateway.guidsUsed).containsExactly("hosted-guid-9");
  }

  @Test
  void aStaleRelayedSessionIsNotRenewedByTheConsole() {
    ScriptedGateway gateway = new ScriptedGateway().fail(rejected("100-006"));
    AgentResult r =
        run(
            gateway,
            sessions(handle("relayed-guid-7", SessionSource.RELAYED), null),
            StateTarget.set(101),
            false);
    assertThat(r.status()).isEqualTo(OutcomeStatus.FAILED);
    assertThat(r.retcode()).isEqualTo("100-006");
    assertThat(r.reason()).contains("relayed session is renewed only by the agent's desktop");
    assertThat(r.reason()).doesNotContain("relayed-guid-7");
  }

  @Test
  void noSessionMeansNoCall() {
    ScriptedGateway gateway = new ScriptedGateway();
    AgentResult r = run(gateway, sessions(null, null), StateTarget.set(101), true);
    assertThat(r.status()).isEqualTo(OutcomeStatus.NO_SESSION);
    assertThat(r.reason()).isEqualTo("No usable session: signed in elsewhere");
    assertThat(gateway.sets).hasValue(0);
  }

  @Test
  void retryAfterIsHonouredUpToItsCap() {
    ScriptedGateway gateway = new ScriptedGateway().fail(http(429, Duration.ofMillis(200)));
    long start = System.nanoTime();
    AgentResult r = run(gateway, HOSTED, StateTarget.set(101), false);
    long ms = Duration.ofNanos(System.nanoTime() - start).toMillis();
    assertThat(r.status()).isEqualTo(OutcomeStatus.SUCCEEDED);
    assertThat(ms).isGreaterThanOrEqualTo(150); // 200 ms asked, jitter at most 25 %
  }

  @Test
  void aReadBackThatDisagreesIsAFailure() {
    ScriptedGateway gateway = new ScriptedGateway();
    gateway.readBackOverride = 7;
    AgentResult r = run(gateway, HOSTED, StateTarget.set(101), true);
    assertThat(r.status()).isEqualTo(OutcomeStatus.FAILED);
    assertThat(r.reason()).isEqualTo("The gateway accepted the call but reads back 7");
  }

  @Test
  void clearingWhereNothingIsSetSucceedsOnceReadBackConfirmsIt() {
    ScriptedGateway gateway = new ScriptedGateway();
    AgentResult r = run(gateway, HOSTED, StateTarget.clear(), true);
    assertThat(r.status()).isEqualTo(OutcomeStatus.SUCCEEDED);
    assertThat(r.verified()).isTrue();
    assertThat(r.reason()).isEqualTo("No custom state was set");
  }

  @Test
  void anOpenBreakerPausesTheAgentInsteadOfSpendingItsBudget() throws Exception {
    CircuitBreaker<Object> breaker = breaker(2, Duration.ofMillis(300));
    ScriptedGateway gateway = new ScriptedGateway().fail(refused(), refused());
    AtomicBoolean paused = new AtomicBoolean();
    AgentCall call = new AgentCall(gateway, HOSTED, breaker, null, FAST);
    AgentResult r =
        call.run(
            new AgentCall.Work(1, new AgentId(10001), StateTarget.set(5), false),
            () -> false,
            () -> paused.set(true));
    // two refusals open the breaker; the third attempt waits for the half-open probe, then succeeds
    assertThat(paused).as(r.toString()).isTrue();
    assertThat(r.status()).isEqualTo(OutcomeStatus.SUCCEEDED);
    assertThat(r.attempts()).isEqualTo(3);
    assertThat(breaker.isClosed()).isTrue();
  }

  @Test
  void cancellingWhileTheBreakerIsOpenEndsTheAgentAsCancelled() {
    CircuitBreaker<Object> breaker = breaker(1, Duration.ofSeconds(30));
    breaker.open();
    AtomicBoolean cancel = new AtomicBoolean();
    AgentCall call = new AgentCall(new ScriptedGateway(), HOSTED, breaker, null, FAST);
    AgentResult r =
        call.run(
            new AgentCall.Work(1, new AgentId(10001), StateTarget.set(5), false),
            cancel::get,
            () -> cancel.set(true));
    assertThat(r.status()).isEqualTo(OutcomeStatus.CANCELLED);
    assertThat(r.attempts()).isZero();
  }

  @Test
  void outagesAreConnectionsTimeoutsAndGatewayErrorsOnly() {
    assertThat(GatewayGate.isOutage(refused())).isTrue();
    assertThat(GatewayGate.isOutage(http(503, null))).isTrue();
    assertThat(GatewayGate.isOutage(http(429, null))).isFalse();
    assertThat(GatewayGate.isOutage(rejected("100-007"))).isFalse();
  }

  @Test
  void countsAddUpAndExportTextCannotBecomeAFormula() {
    Counts c = new Counts(1, 2, 3, 2, 4, 5, 6, 7, 3, 1, 0);
    assertThat(c.total()).isEqualTo(28);
    assertThat(c.done()).isEqualTo(25);
    assertThat(c.percent()).isEqualTo(89);
    assertThat(ChangeExport.safe("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
    assertThat(ChangeExport.safe("Anna")).isEqualTo("Anna");
  }
}
