package io.statedesk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import org.awaitility.Awaitility;
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

  /**
   * The poll saw the session end and its sign-in completes while a bulk call's refusal of the old
   * Guid is being handled: the new session is handed to the call, and nothing ends it.
   */
  @Test
  void aSessionArrivingWhileARefusalIsHandledIsNotEnded() {
    AgentHandle old = liveAgent("guid-1");
    HostedAgent agent = agents.get(A);
    renewal.ended(agent, old, "poll refused"); // as the poll chain does, after agent.end
    assertThat(agent.end(agent.generation())).isTrue();
    timer.runDue(); // the poll's sign-in, under way
    signIns.clear();
    AgentHandle fresh = new AgentHandle(A, "guid-2", null, 2, SessionSource.HOSTED, Instant.EPOCH);
    SessionStore racing =
        new DelegatingStore(store) {
          boolean done;

          @Override
          public Optional<SessionEntry> get(int agentId) {
            Optional<SessionEntry> seen = super.get(agentId);
            if (!done) { // the sign-in completes right after the renewal looked
              done = true;
              store.put(SessionEntry.live(fresh));
              agent.live();
            }
            return seen;
          }
        };
    SessionRenewal renewing =
        new SessionRenewal(
            agents,
            racing,
            new SignInScheduler(timer, Runnable::run, () -> {}, a -> signIns.add(a.id)),
            stopped::get);

    assertThat(renewing.renew(old, Duration.ofSeconds(5))).contains(fresh);
    timer.runDue();

    assertThat(signIns).as("no second sign-in").isEmpty();
    assertThat(agent.phase()).isEqualTo(HostedAgent.Phase.LIVE);
    assertThat(renewal.usable(A)).contains(fresh);
  }

  /**
   * The poll saw the session end and its sign-in failed briefly (retried with backoff): a bulk call
   * refused with the old Guid waits for the retry instead of ending "no fresh session" at once.
   */
  @Test
  void aRefusalWhileTheSignInIsRetriedWaitsForIt() throws Exception {
    AgentHandle old = liveAgent("guid-1");
    HostedAgent agent = agents.get(A);
    assertThat(agent.end(agent.generation())).isTrue();
    store.put(SessionEntry.none(A, SessionSource.HOSTED, "gateway unavailable"));
    agent.settle(HostedAgent.Phase.UNAVAILABLE);
    AgentHandle fresh = new AgentHandle(A, "guid-2", null, 2, SessionSource.HOSTED, Instant.EPOCH);

    CompletableFuture<Optional<AgentHandle>> renewed =
        CompletableFuture.supplyAsync(() -> renewal.renew(old, Duration.ofSeconds(30)));
    Awaitility.await("the renewal waiting for the sign-in")
        .during(Duration.ofMillis(200))
        .atMost(Duration.ofSeconds(5))
        .until(() -> !renewed.isDone());
    store.put(SessionEntry.live(fresh));
    agent.live();

    assertThat(renewed.get(10, TimeUnit.SECONDS)).contains(fresh);
  }

  /** A store that passes every call to another; tests override what they race. */
  static class DelegatingStore implements SessionStore {
    private final SessionStore to;

    DelegatingStore(SessionStore to) {
      this.to = to;
    }

    @Override
    public Optional<SessionEntry> get(int agentId) {
      return to.get(agentId);
    }

    @Override
    public void put(SessionEntry entry) {
      to.put(entry);
    }

    @Override
    public SessionEntry update(int agentId, UnaryOperator<SessionEntry> change) {
      return to.update(agentId, change);
    }

    @Override
    public void remove(int agentId) {
      to.remove(agentId);
    }

    @Override
    public Collection<SessionEntry> all() {
      return to.all();
    }

    @Override
    public void addListener(BiConsumer<Integer, Availability> listener) {
      to.addListener(listener);
    }
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
