package io.statedesk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.desired.SessionClock;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** When a differing state is a new session's loss and when it is drift, without a server. */
class ReconcilerTest {

  @Test
  void aDifferenceIsDriftOnlyWhenTheLastReadBackWasInTheCurrentSession() {
    assertThat(Reconciler.isNewSession(Reconciler.Cause.NEW_SESSION, true)).isTrue();
    assertThat(Reconciler.isNewSession(Reconciler.Cause.CHECK, false)).isTrue();
    assertThat(Reconciler.isNewSession(Reconciler.Cause.CHECK, true)).isFalse();
  }

  @Test
  void aReadBackCountsOnlyAfterTheSessionBeganAndAfterThisConsoleStarted() {
    SessionClock clock = new SessionClock();
    Instant beforeBoot = Instant.now().minusSeconds(60);
    assertThat(clock.inCurrentSession(101, beforeBoot)).isFalse(); // before a restart
    assertThat(clock.inCurrentSession(101, null)).isFalse(); // never read back
    Instant later = Instant.now().plusSeconds(1);
    assertThat(clock.inCurrentSession(101, later)).isTrue();
    clock.started(101, later.plusSeconds(5)); // a new session after that read-back
    assertThat(clock.inCurrentSession(101, later)).isFalse();
    assertThat(clock.inCurrentSession(101, later.plusSeconds(6))).isTrue();
    clock.started(101, later); // an older event does not move the start back
    assertThat(clock.sessionStart(101)).isEqualTo(later.plusSeconds(5));
  }
}
