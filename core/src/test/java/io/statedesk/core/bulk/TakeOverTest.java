package io.statedesk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.cluster.Ownership;
import io.statedesk.core.gateway.AgentId;
import io.statedesk.core.session.AgentHandle;
import io.statedesk.core.session.RelayScope;
import io.statedesk.core.session.SessionSource;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The take-over rules without a server: which results send their outcome back to pending, and the
 * read-back of a dead console's call before anything is sent again.
 */
class TakeOverTest {

  /** Agents 10000-10009 are hosted; this console holds shard 0 of 2 (the even ones). */
  static final Ownership EVEN =
      new Ownership(false, Set.of(0), 2, List.of(new RelayScope.Range(10000, 10009)), "con-a");

  /** Sessions with one handle (or none), and whether a first sign-in is under way. */
  static SessionPort sessions(AgentHandle current, boolean signingIn) {
    return AgentCallTest.sessions(current, null, signingIn);
  }

  static TakeOver takeOver(ScriptedGateway gateway, SessionPort sessions) {
    AgentCall call =
        new AgentCall(
            gateway,
            sessions,
            AgentCallTest.breaker(100, Duration.ofSeconds(1)),
            null,
            AgentCallTest.FAST);
    return new TakeOver(
        sessions,
        gateway,
        null,
        call,
        () -> EVEN,
        Duration.ZERO,
        Duration.ofSeconds(30),
        () -> false);
  }

  static AgentResult result(int agentId, OutcomeStatus status) {
    return new AgentResult(
        1, new AgentId(agentId), StateTarget.set(101), status, false, null, null, 1, 0);
  }

  static final AgentHandle HANDLE = AgentCallTest.handle("g-1", SessionSource.HOSTED);

  /** The read-back of outcome 7 (agent 10000, target 101) that a dead console left in flight. */
  static AgentResult recheck(ScriptedGateway gateway, AgentHandle current) {
    return takeOver(gateway, sessions(current, false))
        .recheck(
            new AgentCall.Work(7, new AgentId(10000), StateTarget.set(101), false, true),
            () -> false,
            () -> {});
  }

  @Test
  void aCancelledCallIsTheAnswerOnlyWhenTheChangeWasCancelled() {
    TakeOver t = takeOver(new ScriptedGateway(), sessions(HANDLE, false));
    AgentResult cancelled = result(10000, OutcomeStatus.CANCELLED);
    assertThat(t.notOurs(cancelled, false, false)).as("the console is stopping").isTrue();
    assertThat(t.notOurs(cancelled, false, true)).as("the change was cancelled").isFalse();
    assertThat(t.notOurs(result(10000, OutcomeStatus.FAILED), false, false)).isFalse();
    assertThat(t.notOurs(result(10001, OutcomeStatus.SUCCEEDED), false, false)).isFalse();
  }

  @Test
  void noSessionIsNotTheAnswerWhenTheShardMovedOrTheFirstSignInIsUnderWay() {
    TakeOver settled = takeOver(new ScriptedGateway(), sessions(HANDLE, false));
    assertThat(settled.notOurs(result(10001, OutcomeStatus.NO_SESSION), false, false))
        .as("a hosted agent of a shard another console holds")
        .isTrue();
    assertThat(settled.notOurs(result(10000, OutcomeStatus.NO_SESSION), false, false))
        .as("a hosted agent of this console's shard")
        .isFalse();
    assertThat(settled.notOurs(result(20001, OutcomeStatus.NO_SESSION), false, false))
        .as("an agent no shard covers")
        .isFalse();

    TakeOver signingIn = takeOver(new ScriptedGateway(), sessions(HANDLE, true));
    assertThat(signingIn.notOurs(result(10000, OutcomeStatus.NO_SESSION), false, false)).isTrue();
    assertThat(signingIn.notOurs(result(10000, OutcomeStatus.NO_SESSION), true, false))
        .as("a read-back waited for the sign-in itself")
        .isFalse();
  }

  @Test
  void aCallThatTookEffectIsConfirmedByTheReadBackAndNotSentAgain() {
    ScriptedGateway gateway = new ScriptedGateway();
    gateway.state = 101;
    AgentResult r = recheck(gateway, HANDLE);
    assertThat(r.status()).isEqualTo(OutcomeStatus.SUCCEEDED);
    assertThat(r.verified()).isTrue();
    assertThat(r.reason()).isEqualTo(TakeOver.CONFIRMED);
    assertThat(r.outcomeId()).isEqualTo(7);
    assertThat(gateway.sets).as("calls sent").hasValue(0);
  }

  @Test
  void aCallThatDidNotTakeEffectIsMadeAfterTheReadBack() {
    ScriptedGateway gateway = new ScriptedGateway();
    gateway.state = 205;
    AgentResult r = recheck(gateway, HANDLE);
    assertThat(r.status()).as(r.reason()).isEqualTo(OutcomeStatus.SUCCEEDED);
    assertThat(r.reason()).isNotEqualTo(TakeOver.CONFIRMED);
    assertThat(gateway.sets).hasValue(1);
    assertThat(gateway.state).isEqualTo(101);
  }

  @Test
  void withNoSessionToReadTheStateBackNothingIsSentBlind() {
    ScriptedGateway gateway = new ScriptedGateway();
    AgentResult r = recheck(gateway, null);
    assertThat(r.status()).isEqualTo(OutcomeStatus.NO_SESSION);
    assertThat(r.reason()).contains("not sent again");
    assertThat(gateway.sets).hasValue(0);
  }
}
