package io.statedesk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The renewal steps on their own: an in-memory store and a sign-in that only records its agent. */
class SessionRenewalTest {

  static final int A = 10001;

  final Map<Integer, HostedAgent> agents = new ConcurrentHashMap<>();
  final InMemorySessionStore store = new InMemorySessionStore();
  final ManualTimer timer = new ManualTimer();
  final List<Integer> signIns = new ArrayList<>();
  final AtomicBoolean stopped = new AtomicBoolean();
  final SessionRenewal renewal =
      new SessionRenewal(
          agents,
          store,
          new SignInScheduler(timer, Runnable::run, () -> {}, agent -> signIns.add(agent.id)),
          stopped::get);

  AgentHandle liveAgent(String guid) {
    HostedAgent agent = agents.computeIfAbsent(A, HostedAgent::new);
    agent.live();
    AgentHandle handle = new AgentHandle(A, guid, null, 2, SessionSource.HOSTED, Instant.EPOCH);
    store.update(A, e -> SessionEntry.live(handle));
    return handle;
  }

  @Test
  void aRefusedCurrentHandleEndsTheSessionAndSchedulesOneSignIn() {
    AgentHandle handle = liveAgent("guid-1");

    assertThat(renewal.renew(handle, Duration.ZERO)).isEmpty();
    timer.runDue();

    assertThat(store.get(A).orElseThrow().isUsable()).isFalse();
    assertThat(agents.get(A).phase()).isEqualTo(HostedAgent.Phase.LOST);
    assertThat(signIns).containsExactly(A);
  }

  @Test
  void aRefusalOfAGuidTheStoreNoLongerHoldsGivesTheCurrentHandle() {
    AgentHandle stale = liveAgent("guid-1");
    AgentHandle rotated = liveAgent("guid-2");

    assertThat(renewal.renew(stale, Duration.ZERO)).contains(rotated);
    timer.runDue();

    assertThat(signIns).isEmpty();
    assertThat(agents.get(A).phase()).isEqualTo(HostedAgent.Phase.LIVE);
  }

  @Test
  void anAgentNotHostedOrAStoppedPoolIsNotWaitedFor() {
    assertThat(renewal.awaitUsable(A, Duration.ofMinutes(1))).isEmpty();
    assertThat(renewal.signingIn(A, Duration.ofMinutes(1))).isFalse();
    agents.put(A, new HostedAgent(A));
    assertThat(renewal.signingIn(A, Duration.ofMinutes(1))).isTrue();
    assertThat(renewal.signingIn(A, Duration.ZERO)).isFalse();
    stopped.set(true);
    assertThat(renewal.signingIn(A, Duration.ofMinutes(1))).isFalse();
    assertThat(renewal.awaitUsable(A, Duration.ofMinutes(1))).isEmpty();
  }

  @Test
  void aTakenOverAgentIsNotWaitedFor() {
    HostedAgent agent = agents.computeIfAbsent(A, HostedAgent::new);
    agent.settle(HostedAgent.Phase.TAKEN_OVER);
    assertThat(renewal.awaitUsable(A, Duration.ofMinutes(1))).isEmpty();
  }

  @Test
  void anEndedSessionIsMarkedStaleOnlyForItsOwnGuid() {
    AgentHandle old = liveAgent("guid-1");
    liveAgent("guid-2");

    renewal.ended(agents.get(A), old, "signed out at the desk");

    assertThat(renewal.usable(A)).map(AgentHandle::guid).contains("guid-2");
  }
}
