package io.statedesk.core.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;

/**
 * The pool under test for the unit tests of its state machine: a scripted gateway, a hand-stepped
 * timer, an in-memory store and a fixed clock, so each test steps time and answers by hand. Why a
 * base class: two test classes (sign-ins and takeovers, the Guid refresh after failed polls) share
 * this world, and each stays short enough to read in one sitting.
 */
abstract class PoolTestSupport {

  static final int A = 10001;
  static final Duration PAUSE = Duration.ofMillis(300);

  final FakeGateway gateway = new FakeGateway();
  final ManualTimer timer = new ManualTimer();
  final InMemorySessionStore store = new InMemorySessionStore();
  final AtomicInteger permits = new AtomicInteger();
  final AtomicLong credentialsVersion = new AtomicLong(1);
  final List<SessionStarted> started = new ArrayList<>();
  int assumedAuthMode = 2;
  HostedSessionPool pool;

  HostedSessionPool pool(Set<Integer> agents, boolean force) {
    HostedCredentials credentials =
        new HostedCredentials() {
          @Override
          public Optional<String> passwordOf(int agentId) {
            return Optional.of("pw" + agentId);
          }

          @Override
          public Optional<String> phoneOf(int agentId) {
            return Optional.of("7" + agentId);
          }

          @Override
          public long version() {
            return credentialsVersion.get();
          }
        };
    pool =
        new HostedSessionPool(
            gateway,
            store,
            new PoolThreads(timer, Runnable::run, permits::incrementAndGet),
            PoolFixtures.settings(agents, force, 50, PAUSE, false, assumedAuthMode),
            credentials,
            Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC));
    pool.addSessionListener(started::add);
    return pool;
  }

  @AfterEach
  void close() {
    if (pool != null) {
      pool.close();
    }
  }

  String guid(int agent) {
    return store.get(agent).orElseThrow().handle().guid();
  }
}
