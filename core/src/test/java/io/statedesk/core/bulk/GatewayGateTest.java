package io.statedesk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.failsafe.CircuitBreaker;
import io.statedesk.core.gateway.CustomState;
import io.statedesk.core.gateway.GatewayException;
import io.statedesk.core.gateway.GatewayUnavailableException;
import io.statedesk.core.session.AgentHandle;
import io.statedesk.core.session.SessionSource;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The gate every call of a change goes through: which failures count as the gateway being down for
 * everyone, what the breaker hears of each answer, and the wait while it is open.
 */
class GatewayGateTest {

  static final AgentHandle HANDLE = AgentCallTest.handle("g-1", SessionSource.HOSTED);

  @Test
  void onlyNoAnswerAndTheGatewaysOwnUnavailabilityAreOutages() {
    assertThat(GatewayGate.isOutage(AgentCallTest.refused())).isTrue();
    assertThat(GatewayGate.isOutage(AgentCallTest.timeout())).isTrue();
    for (int status : new int[] {502, 503, 504}) {
      assertThat(GatewayGate.isOutage(AgentCallTest.http(status, null))).as("" + status).isTrue();
    }
    for (int status : new int[] {400, 401, 404, 500}) {
      assertThat(GatewayGate.isOutage(AgentCallTest.http(status, null))).as("" + status).isFalse();
    }
    assertThat(GatewayGate.isOutage(GatewayUnavailableException.tls(AgentCallTest.SET, "x", null)))
        .isFalse();
    assertThat(
            GatewayGate.isOutage(
                GatewayUnavailableException.badResponse(AgentCallTest.SET, 200, "not JSON")))
        .isFalse();
    assertThat(GatewayGate.isOutage(AgentCallTest.rejected("100-006")))
        .as("a refusal is an answer")
        .isFalse();
  }

  @Test
  void outagesOpenTheBreakerAndAnyAnswerEvenARefusalKeepsItClosed() {
    CircuitBreaker<Object> breaker = AgentCallTest.breaker(2, Duration.ofSeconds(30));
    ScriptedGateway gateway = new ScriptedGateway();
    GatewayGate gate = new GatewayGate(gateway, breaker, null);

    gateway.fail(AgentCallTest.rejected("100-006"), AgentCallTest.rejected("100-006"));
    callExpectingFailure(gate, 110);
    callExpectingFailure(gate, 110);
    assertThat(breaker.isClosed()).as("two refusals: the gateway answered").isTrue();

    gateway.fail(AgentCallTest.timeout(), AgentCallTest.http(503, null));
    callExpectingFailure(gate, 110);
    callExpectingFailure(gate, 110);
    assertThat(breaker.isOpen()).as("two outages in a row").isTrue();
  }

  @Test
  void aClearClearsAndASetSets() {
    ScriptedGateway gateway = new ScriptedGateway();
    GatewayGate gate =
        new GatewayGate(gateway, AgentCallTest.breaker(5, Duration.ofSeconds(1)), null);
    gate.call(HANDLE, StateTarget.set(120));
    assertThat(gateway.sets).hasValue(1);
    assertThat(gate.readBack(HANDLE)).isEqualTo(new Reading.Code(new CustomState(120)));
    gate.call(HANDLE, StateTarget.clear());
    assertThat(gateway.sets).as("a clear is not a set").hasValue(1);
    assertThat(gate.readBack(HANDLE)).isEqualTo(Reading.NOT_SET);
  }

  @Test
  void whileTheBreakerIsOpenACallWaitsSayingSoUntilItIsCancelled() {
    CircuitBreaker<Object> breaker = AgentCallTest.breaker(1, Duration.ofSeconds(30));
    breaker.open();
    GatewayGate gate = new GatewayGate(new ScriptedGateway(), breaker, null);
    AtomicInteger paused = new AtomicInteger();
    assertThatThrownBy(() -> gate.await(() -> paused.get() >= 2, paused::incrementAndGet))
        .isInstanceOf(AgentCall.CancelledException.class);
    assertThat(paused).as("the change was told it is paused, once a wait").hasValue(2);
  }

  @Test
  void aCancelledChangeMakesNoCallAtAll() {
    CircuitBreaker<Object> breaker = AgentCallTest.breaker(1, Duration.ofSeconds(30));
    GatewayGate gate = new GatewayGate(new ScriptedGateway(), breaker, null);
    AtomicInteger paused = new AtomicInteger();
    assertThatThrownBy(() -> gate.await(() -> true, paused::incrementAndGet))
        .isInstanceOf(AgentCall.CancelledException.class);
    assertThat(paused).hasValue(0);
  }

  private static void callExpectingFailure(GatewayGate gate, int code) {
    assertThatThrownBy(() -> gate.call(HANDLE, StateTarget.set(code)))
        .isInstanceOf(GatewayException.class);
  }
}
