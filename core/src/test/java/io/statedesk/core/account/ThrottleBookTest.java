package io.statedesk.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** Lockouts after repeated failures, doubling, cleared by a success or by time. */
class ThrottleBookTest {

  /** A clock the test moves by hand. */
  static final class HandClock extends Clock {
    Instant now = Instant.parse("2026-12-01T10:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    void advance(Duration d) {
      now = now.plus(d);
    }
  }

  HandClock clock = new HandClock();
  ThrottleBook book =
      new ThrottleBook(
          5, Duration.ofMinutes(15), Duration.ofSeconds(30), Duration.ofMinutes(15), clock);

  void fail(String user, int times) {
    for (int i = 0; i < times; i++) {
      book.failed(user);
    }
  }

  @Test
  void fiveFailuresLockTheUserOutAndLockoutsDouble() {
    fail("Alice", 4);
    assertThat(book.check("alice").allowed()).isTrue();
    assertThat(book.failed("alice ")).isEqualTo(Duration.ofSeconds(30)); // the fifth, any case
    ThrottleBook.Decision refused = book.check("ALICE");
    assertThat(refused.allowed()).isFalse();
    assertThat(refused.retryAfter()).isEqualTo(Duration.ofSeconds(30));
    clock.advance(Duration.ofSeconds(31));
    assertThat(book.check("alice").allowed()).isTrue();
    fail("alice", 4);
    assertThat(book.failed("alice")).isEqualTo(Duration.ofSeconds(60));
    assertThat(book.check("bob").allowed()).as("other users are not affected").isTrue();
  }

  @Test
  void aSuccessOrAQuietWindowStartsAfresh() {
    fail("alice", 4);
    book.succeeded("alice");
    fail("alice", 4);
    assertThat(book.check("alice").allowed()).isTrue();
    clock.advance(Duration.ofMinutes(16));
    assertThat(book.failed("alice")).as("the window has passed: one failure so far").isZero();
  }

  @Test
  void lockoutsAreCapped() {
    for (int round = 0; round < 12; round++) {
      fail("mallory", 5);
      clock.advance(Duration.ofMinutes(16));
    }
    fail("mallory", 4);
    assertThat(book.failed("mallory")).isEqualTo(Duration.ofMinutes(15));
  }
}
