package io.statedesk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A failed poll in AUTHMODE 2 and the Guid it may have carried: made good with {@code updateGuid},
 * not a new sign-in; a refused Guid ends the session; an unavailable {@code updateGuid} falls back
 * to polling; a failed poll of a session replaced meanwhile changes nothing; with a static Guid
 * (AUTHMODE 1) a failed poll is simply retried. Against the scripted gateway, no server.
 */
class PollRefreshTest extends PoolTestSupport {

  @Test
  void aPollAnswerLostToATimeoutIsMadeGoodWithUpdateGuidNotWithANewSignIn() {
    pool(Set.of(A), false).start();
    timer.runDue();
    String held = guid(A);
    gateway.pending(A).get(0).timeOut();
    assertThat(gateway.refreshes(A))
        .as("updateGuid at once, with the Guid still held")
        .singleElement()
        .satisfies(r -> assertThat(r.auth().guid()).isEqualTo(held));
    assertThat(gateway.pending(A)).as("no poll with the Guid that may be on its way out").isEmpty();
    gateway.refreshes(A).get(0).grant("refreshed-1-aaaaaaaaaaaaaaaa");
    assertThat(guid(A)).isEqualTo("refreshed-1-aaaaaaaaaaaaaaaa");
    assertThat(store.get(A).get().isUsable()).isTrue();
    timer.advance(PAUSE);
    assertThat(gateway.pending(A))
        .singleElement()
        .satisfies(p -> assertThat(p.auth().guid()).isEqualTo("refreshed-1-aaaaaaaaaaaaaaaa"));
    assertThat(gateway.signIns(A)).as("the session (and its custom state) kept").hasSize(1);
    assertThat(started).hasSize(1);
  }

  @Test
  void aGuidRefusedByUpdateGuidEndsTheSessionWithOneSignIn() {
    pool(Set.of(A), false).start();
    timer.runDue();
    gateway.pending(A).get(0).timeOut();
    gateway.refreshes(A).get(0).refuse("100-006");
    timer.runDue();
    assertThat(gateway.signIns(A)).hasSize(2);
    assertThat(started)
        .extracting(SessionStarted::reason)
        .containsExactly("first sign-in", "signed in again after the gateway ended the session");
    assertThat(gateway.pending(A)).as("one chain, the new session's").hasSize(1);
    assertThat(gateway.pending(A).get(0).auth().guid()).isEqualTo(guid(A));
  }

  @Test
  void anUnavailableUpdateGuidFallsBackToPollingAfterBackoffAndRefreshesAgainOnTheNextFailure() {
    pool(Set.of(A), false).start();
    timer.runDue();
    String held = guid(A);
    gateway.pending(A).get(0).timeOut();
    gateway.refreshes(A).get(0).unavailable();
    assertThat(gateway.pending(A)).as("backoff first").isEmpty();
    timer.advance(Duration.ofSeconds(30));
    assertThat(gateway.pending(A))
        .singleElement()
        .satisfies(p -> assertThat(p.auth().guid()).isEqualTo(held));
    gateway.pending(A).get(0).timeOut();
    assertThat(gateway.refreshes(A)).hasSize(2);
    gateway.refreshes(A).get(1).grant("refreshed-2-aaaaaaaaaaaaaaaa");
    timer.advance(PAUSE);
    assertThat(gateway.pending(A).get(0).auth().guid()).isEqualTo("refreshed-2-aaaaaaaaaaaaaaaa");
    assertThat(gateway.signIns(A)).hasSize(1);
  }

  @Test
  void aFailedPollOfARefreshedSessionThatWasReplacedMeanwhileChangesNothing() {
    pool(Set.of(A), false).start();
    timer.runDue();
    AgentHandle first = store.get(A).orElseThrow().handle();
    gateway.pending(A).get(0).timeOut();
    // a bulk call finds the session over before updateGuid answers: a new session (generation 2)
    pool.renew(first, Duration.ZERO);
    timer.runDue();
    String second = guid(A);
    gateway.refreshes(A).get(0).grant("late-refresh-aaaaaaaaaaaaaaaa");
    timer.advance(Duration.ofMinutes(1));
    assertThat(guid(A)).as("the late Guid of the old session is not taken").isEqualTo(second);
    assertThat(gateway.pending(A))
        .singleElement()
        .satisfies(p -> assertThat(p.auth().guid()).isEqualTo(second));
    assertThat(gateway.signIns(A)).hasSize(2);
  }

  @Test
  void withAStaticGuidAFailedPollIsRetriedWithoutUpdateGuid() {
    // about AUTHMODE 1 itself, so in that mode: the refresh after a failed poll must be left out
    // there (a static Guid cannot have rotated); the one test of this class, and the one place
    // this scripted gateway runs in AUTHMODE 1 (every other test: the default, AUTHMODE 2)
    assumedAuthMode = 1;
    pool(Set.of(A), false).start();
    timer.runDue();
    String held = guid(A);
    gateway.pending(A).get(0).timeOut();
    timer.advance(Duration.ofSeconds(30));
    assertThat(gateway.refreshes(A)).as("AUTHMODE 1: nothing can have been lost").isEmpty();
    assertThat(gateway.pending(A))
        .singleElement()
        .satisfies(p -> assertThat(p.auth().guid()).isEqualTo(held));
  }
}
