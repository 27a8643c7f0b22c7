package io.statedesk.core.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostedSessionSettingsTest {

  /** The settings as their defaults in {@link HostedSessionSettings} give them, enabled. */
  static HostedSessionSettings defaults() {
    HostedSessionSettings s = new HostedSessionSettings();
    s.enabled = true;
    s.agents = "10001-10003";
    s.signInMode = "loginex";
    s.force = false;
    s.signInRate = 50;
    s.signInThreads = 4;
    s.takenOverRetrySeconds = 60;
    s.sessionTimeoutSeconds = 120;
    s.pollPauseMs = 300;
    s.signOutOnStop = true;
    return s;
  }

  @Test
  void parsesIdsAndRanges() {
    assertThat(HostedSessionSettings.parseAgents("10001-10003, 20001"))
        .containsExactly(10001, 10002, 10003, 20001);
    assertThat(HostedSessionSettings.parseAgents(" ")).isEmpty();
  }

  @Test
  void refusesBadRanges() {
    assertThatThrownBy(() -> HostedSessionSettings.parseAgents("10-20"))
        .hasMessageContaining("'10-20' is not within 101..999999");
    assertThatThrownBy(() -> HostedSessionSettings.parseAgents("abc"))
        .hasMessageContaining("'abc' is not an agent id or range");
    assertThatThrownBy(() -> HostedSessionSettings.parseAgents("300-200"))
        .hasMessageContaining("not within");
  }

  @Test
  void theDefaultsHaveNoProblems() {
    assertThat(defaults().problems()).isEmpty();
  }

  @Test
  void everyBadSettingIsNamedOnItsOwnLine() {
    HostedSessionSettings s = defaults();
    s.agents = " ";
    s.signInMode = "ldap";
    s.signInRate = 0;
    s.signInThreads = 65;
    s.sessionTimeoutSeconds = 9;
    s.takenOverRetrySeconds = 4;
    assertThat(s.problems())
        .hasSize(6)
        .anyMatch(p -> p.startsWith("statedesk.sessions.hosted.agents is empty"))
        .anyMatch(p -> p.contains("sign-in-mode must be login or loginex, was ldap"))
        .anyMatch(p -> p.contains("sign-in-rate must be at least 1, was 0"))
        .anyMatch(p -> p.contains("sign-in-threads must be 1..64, was 65"))
        .anyMatch(p -> p.contains("session-timeout-seconds must be at least 10"))
        .anyMatch(p -> p.contains("taken-over-retry-seconds must be at least 5, was 4"));
    s.agents = "abc";
    assertThat(s.problems()).anyMatch(p -> p.contains("'abc' is not an agent id or range"));
  }

  @Test
  void thePoolSettingsCarryEveryValue() {
    PoolSettings pool = defaults().poolSettings(1);
    assertThat(pool.agents()).containsExactlyInAnyOrder(10001, 10002, 10003);
    assertThat(pool.mode()).isEqualTo(SignInMode.LOGINEX);
    assertThat(pool.assumedAuthMode()).isEqualTo(1);
    assertThat(pool.pollPause()).isEqualTo(Duration.ofMillis(300));
    assertThat(pool.takenOverRetry()).isEqualTo(Duration.ofSeconds(60));
    assertThat(pool.sessionTimeout()).isEqualTo(Duration.ofSeconds(120));
    assertThat(pool.reclaimRetry()).isEqualTo(HostedSessionSettings.RECLAIM_RETRY);
    assertThat(pool.signOutOnStop()).isTrue();
  }

  @Test
  void theReclaimRetryIsNeverLongerThanTheSessionTimeout() {
    HostedSessionSettings s = defaults();
    s.sessionTimeoutSeconds = 10;
    assertThat(s.poolSettings(2).reclaimRetry()).isEqualTo(Duration.ofSeconds(10));
  }
}
