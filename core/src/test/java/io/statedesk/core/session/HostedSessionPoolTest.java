package io.statedesk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The pool's state machine against a scripted gateway and a hand-stepped clock: generations, stale
 * answers, 100-002, refused credentials, the sign-in rate limit. Fast, no server.
 */
class HostedSessionPoolTest extends PoolTestSupport {

  @Test
  void signsInBusyWithThePhoneNumberAndKeepsOnePollChainAcrossRotations() {
    pool(Set.of(A), false).start();
    timer.runDue();
    assertThat(gateway.signIns(A)).hasSize(1);
    var request = gateway.signIns(A).get(0).request();
    assertThat(request.phoneNumber()).isEqualTo("7" + A);
    assertThat(request.status()).isEqualTo(3);
    assertThat(request.autoAnswer()).isFalse();
    for (int i = 0; i < 5; i++) {
      List<FakeGateway.Poll> pending = gateway.pending(A);
      assertThat(pending).as("one poll chain").hasSize(1);
      assertThat(pending.get(0).auth().guid()).isEqualTo(guid(A));
      pending.get(0).rotate("rotated-" + i + "-aaaaaaaaaaaaaaaa");
      assertThat(guid(A)).isEqualTo("rotated-" + i + "-aaaaaaaaaaaaaaaa");
      timer.advance(PAUSE);
    }
    assertThat(gateway.signIns(A)).as("no sign-in for a rotation").hasSize(1);
    assertThat(started).as("one new session, rotations are not").hasSize(1);
    assertThat(started.get(0).reason()).isEqualTo("first sign-in");
  }

  @Test
  void aStaleAnswerForAGuidNoLongerCurrentDoesNothing() {
    pool(Set.of(A), false).start();
    timer.runDue();
    AgentHandle first = store.get(A).orElseThrow().handle();
    FakeGateway.Poll oldPoll = gateway.pending(A).get(0);
    // a bulk call finds the session over: the agent is signed in again (generation 2)
    assertThat(pool.renew(first, Duration.ZERO)).isEmpty();
    timer.runDue();
    assertThat(gateway.signIns(A)).hasSize(2);
    String second = guid(A);
    // now the first chain's poll comes back refused: superseded, it must change nothing
    oldPoll.refuse("100-006");
    timer.advance(Duration.ofMinutes(5));
    assertThat(gateway.signIns(A)).as("no sign-in over the session just renewed").hasSize(2);
    assertThat(guid(A)).isEqualTo(second);
    assertThat(store.get(A).get().isUsable()).isTrue();
    assertThat(gateway.pending(A)).as("only the new chain polls").hasSize(1);
    assertThat(gateway.pending(A).get(0).auth().guid()).isEqualTo(second);
    // and a renew for the first Guid now just hands out the current one
    assertThat(pool.renew(first, Duration.ZERO)).map(AgentHandle::guid).contains(second);
    assertThat(gateway.signIns(A)).hasSize(2);
  }

  @Test
  void aLostSessionIsSignedInAgainWithTheConfiguredModeNeverByForce() {
    pool(Set.of(A), false).start();
    timer.runDue();
    gateway.pending(A).get(0).refuse("100-006");
    timer.runDue();
    assertThat(gateway.signIns(A))
        .extracting(FakeGateway.SignIn::mode)
        .containsExactly(SignInMode.LOGINEX, SignInMode.LOGINEX);
    assertThat(started)
        .extracting(SessionStarted::reason)
        .containsExactly("first sign-in", "signed in again after the gateway ended the session");
  }

  /**
   * Issue 16: the answer that carried a rotation's only {@code Set-GUID} was lost (the client had
   * given up on it). The pool must learn the current Guid with {@code updateGuid} while the one it
   * holds is still valid, and go on polling with it: no new sign-in, so the custom state stays.
   */
  @Test
  void takenOverWithForceOffIsShownAndRetriedButNeverForced() {
    pool(Set.of(A), false).start();
    timer.runDue();
    gateway.script(A, "100-002", "100-002");
    gateway.pending(A).get(0).refuse("100-006"); // a desktop's forcelogin ended our session
    timer.runDue();
    SessionEntry entry = store.get(A).orElseThrow();
    assertThat(entry.isUsable()).isFalse();
    assertThat(entry.note()).startsWith("taken over");
    assertThat(pool.problems()).containsKey(A);
    assertThat(pool.awaitUsable(A, Duration.ofSeconds(5))).as("not waited for").isEmpty();
    timer.advance(Duration.ofSeconds(59));
    assertThat(gateway.signIns(A)).hasSize(2);
    timer.advance(Duration.ofSeconds(1));
    assertThat(gateway.signIns(A)).as("retried after takenOverRetry").hasSize(3);
    assertThat(gateway.signIns(A))
        .extracting(FakeGateway.SignIn::mode)
        .doesNotContain(SignInMode.FORCE);
    timer.advance(Duration.ofSeconds(60)); // the desktop has signed out meanwhile
    assertThat(store.get(A).get().isUsable()).isTrue();
    assertThat(started.get(started.size() - 1).reason())
        .isEqualTo("signed in again after the session was given up elsewhere");
  }

  @Test
  void forceTakesOverWhenConfigured() {
    pool(Set.of(A), true).start();
    gateway.script(A, "100-002");
    timer.runDue();
    assertThat(gateway.signIns(A))
        .extracting(FakeGateway.SignIn::mode)
        .containsExactly(SignInMode.LOGINEX, SignInMode.FORCE);
    assertThat(store.get(A).get().isUsable()).isTrue();
  }

  @Test
  void agentsHeldBeforeAnUncleanStopAreTakenBackByForceAtOnce() {
    pool(Set.of(A, A + 1), false).start(Set.of(A));
    timer.runDue();
    assertThat(gateway.signIns(A))
        .extracting(FakeGateway.SignIn::mode)
        .containsExactly(SignInMode.FORCE);
    assertThat(gateway.signIns(A + 1))
        .extracting(FakeGateway.SignIn::mode)
        .containsExactly(SignInMode.LOGINEX);
    assertThat(started)
        .filteredOn(s -> s.agentId() == A)
        .extracting(SessionStarted::reason)
        .containsExactly("restart");
  }

  @Test
  void elsewhereRightAfterStartIsRetriedEvery15SecondsAndWaitedFor() throws Exception {
    pool(Set.of(A), false).start();
    gateway.script(A, "100-002", "100-002");
    timer.runDue();
    assertThat(store.get(A).get().isUsable()).isFalse();
    CompletableFuture<Optional<AgentHandle>> waiting =
        CompletableFuture.supplyAsync(() -> pool.awaitUsable(A, Duration.ofMinutes(1)));
    timer.advance(Duration.ofSeconds(15));
    assertThat(gateway.signIns(A)).hasSize(2);
    assertThat(waiting).isNotDone();
    timer.advance(Duration.ofSeconds(15));
    assertThat(gateway.signIns(A)).hasSize(3);
    assertThat(waiting.get()).as("a change waits for the scheduled sign-in").isPresent();
    assertThat(gateway.signIns(A))
        .extracting(FakeGateway.SignIn::mode)
        .doesNotContain(SignInMode.FORCE);
  }

  @Test
  void aNewlyHostedAgentCountsAsSigningInUntilItsSignInSettlesAndOnlyWithinTheWait() {
    pool(Set.of(A, A + 1, A + 2), false).start(Set.of(), Set.of());
    pool.host(Set.of(A, A + 1, A + 2), Set.of());
    assertThat(pool.signingIn(A, Duration.ofMinutes(2))).as("sign-in queued").isTrue();
    assertThat(pool.signingIn(A, Duration.ZERO)).as("past the wait").isFalse();
    assertThat(pool.signingIn(A + 9, Duration.ofMinutes(2))).as("not hosted here").isFalse();
    gateway.script(A + 1, "100-002");
    gateway.script(A + 2, "100-004"); // a lasting refusal: wrong password
    timer.runDue();
    assertThat(pool.signingIn(A, Duration.ofMinutes(2))).as("live").isFalse();
    assertThat(pool.signingIn(A + 1, Duration.ofMinutes(2)))
        .as("100-002 is an answer, not a sign-in under way")
        .isFalse();
    assertThat(pool.signingIn(A + 2, Duration.ofMinutes(2))).isFalse();
  }

  @Test
  void refusedCredentialsAreTriedOncePerChange() {
    pool(Set.of(A), false).start();
    gateway.script(A, "100-004", "100-004");
    timer.runDue();
    timer.advance(Duration.ofHours(2));
    assertThat(gateway.signIns(A)).as("never retried on its own").hasSize(1);
    assertThat(pool.problems().get(A)).contains("100-004");
    assertThat(pool.awaitUsable(A, Duration.ofSeconds(5))).isEmpty();
    assertThat(pool.credentialsChanged()).isZero();
    credentialsVersion.incrementAndGet();
    timer.advance(CredentialsRecheck.CREDENTIALS_CHECK);
    assertThat(gateway.signIns(A)).as("one attempt after the change").hasSize(2);
    timer.advance(Duration.ofHours(2));
    assertThat(gateway.signIns(A)).hasSize(2);
    credentialsVersion.incrementAndGet();
    timer.advance(CredentialsRecheck.CREDENTIALS_CHECK);
    assertThat(gateway.signIns(A)).hasSize(3);
    assertThat(store.get(A).get().isUsable()).isTrue();
    assertThat(pool.problems()).doesNotContainKey(A);
  }

  @Test
  void afterAnOutageEachAgentGetsOneSignInAndEachPassesTheRateLimit() {
    Set<Integer> agents = IntStream.range(A, A + 200).boxed().collect(Collectors.toSet());
    pool(agents, false).start();
    timer.runDue();
    assertThat(permits.get()).isEqualTo(200);
    // the gateway restarts: every held poll comes back stale, some twice (a renew races it)
    for (int id : agents) {
      AgentHandle handle = store.get(id).orElseThrow().handle();
      pool.renew(handle, Duration.ZERO);
      gateway.pending(id).forEach(p -> p.refuse("100-006"));
    }
    timer.runDue();
    for (int id : agents) {
      assertThat(gateway.signIns(id)).hasSize(2);
    }
    assertThat(permits.get()).as("every sign-in took a permit of the one limiter").isEqualTo(400);
  }

  @Test
  void theSchedulerKeepsOneSignInDuePerAgent() {
    HostedAgent agent = new HostedAgent(A);
    List<Runnable> handedOver = new ArrayList<>();
    SignInScheduler scheduler =
        new SignInScheduler(
            timer, handedOver::add, () -> {}, a -> a.settle(HostedAgent.Phase.LOST));
    assertThat(scheduler.schedule(agent, Duration.ZERO)).isTrue();
    assertThat(scheduler.schedule(agent, Duration.ZERO)).isFalse();
    timer.runDue();
    assertThat(handedOver).hasSize(1);
    handedOver.get(0).run();
    assertThat(scheduler.schedule(agent, Duration.ZERO)).as("free again once it ran").isTrue();
  }
}
