package io.statedesk.core.bulk;

import io.statedesk.core.gateway.CustomState;
import io.statedesk.core.gateway.GatewayAuth;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

/** Answers each call with the next scripted failure, then success; remembers the state. */
final class ScriptedGateway implements GatewayPort {
  final Deque<RuntimeException> failures = new ArrayDeque<>();
  final List<String> guidsUsed = new ArrayList<>();
  final AtomicInteger sets = new AtomicInteger();
  Integer state;
  Integer readBackOverride;
  int loseAnswers; // calls that take effect at the gateway and whose answers are then lost

  ScriptedGateway fail(RuntimeException... e) {
    failures.addAll(List.of(e));
    return this;
  }

  @Override
  public void set(GatewayAuth auth, CustomState value) {
    sets.incrementAndGet();
    guidsUsed.add(auth.guid());
    RuntimeException f = failures.poll();
    if (f != null) {
      throw f;
    }
    state = value.value();
    if (loseAnswers > 0) {
      loseAnswers--;
      throw AgentCallTest.timeout();
    }
  }

  @Override
  public void clear(GatewayAuth auth) {
    guidsUsed.add(auth.guid());
    RuntimeException f = failures.poll();
    if (f != null) {
      throw f;
    }
    if (state == null) {
      throw AgentCallTest.rejected("100-009");
    }
    state = null;
  }

  @Override
  public Optional<CustomState> query(GatewayAuth auth) {
    return Optional.ofNullable(readBackOverride != null ? readBackOverride : state)
        .map(CustomState::new);
  }
}
