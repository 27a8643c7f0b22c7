package io.statedesk.core.session;

import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import java.time.Duration;
import java.util.Set;

/** Pool settings as the tests use them: loginex, AUTHMODE 2, documented defaults otherwise. */
final class PoolFixtures {

  private PoolFixtures() {}

  static PoolSettings settings(
      Set<Integer> agents, boolean force, int rate, Duration pollPause, boolean signOutOnStop) {
    return settings(agents, force, rate, pollPause, signOutOnStop, 2);
  }

  /** As above, assuming the gateway's AUTHMODE is {@code authMode} until a rotation shows 2. */
  static PoolSettings settings(
      Set<Integer> agents,
      boolean force,
      int rate,
      Duration pollPause,
      boolean signOutOnStop,
      int authMode) {
    return new PoolSettings(
        agents,
        SignInMode.LOGINEX,
        force,
        authMode,
        rate,
        pollPause,
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        Duration.ofSeconds(60),
        Duration.ofSeconds(120),
        Duration.ofSeconds(15),
        signOutOnStop);
  }
}
