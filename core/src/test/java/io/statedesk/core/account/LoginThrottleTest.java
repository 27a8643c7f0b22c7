package io.statedesk.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.security.TrustedProxies;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The throttle behind a load balancer: with the balancer a trusted proxy, failures count against
 * the forwarded client, so 20 failures from one address lock out that address and nobody else; and
 * only the lockout is audited, not each failure.
 */
class LoginThrottleTest {

  /** Records audit calls instead of writing them. */
  static final class Recorded extends AuditLog {
    final List<String> actions = new ArrayList<>();

    @Override
    public void record(String actor, AuditAction action, String subject, String detail, String ip) {
      actions.add(action.key() + " " + subject + " from " + ip);
    }
  }

  static LoginThrottle throttle(Recorded audit) {
    LoginThrottle t = new LoginThrottle();
    t.maxFailures = 5;
    t.addressMaxFailures = 20;
    t.windowSeconds = 900;
    t.lockoutSeconds = 30;
    t.maxLockoutSeconds = 900;
    t.audit = audit;
    t.init();
    return t;
  }

  @Test
  void twentyFailuresFromOneForwardedAddressDoNotLockOutAnother() {
    Recorded audit = new Recorded();
    LoginThrottle throttle = throttle(audit);
    TrustedProxies lb = new TrustedProxies(Optional.of("10.0.0.0/8"));
    String attacker = lb.client("10.0.0.2", List.of("198.51.100.1, 203.0.113.7"));
    String colleague = lb.client("10.0.0.2", List.of("203.0.113.8"));
    assertThat(attacker).isEqualTo("203.0.113.7");
    for (int i = 0; i < 20; i++) {
      assertThat(throttle.refusal("user" + i / 4, attacker)).isEmpty();
      throttle.failed("user" + i / 4, attacker); // 4 per name: under the per-user limit of 5
    }
    assertThat(throttle.refusal("alice", attacker)).isPresent();
    assertThat(throttle.refusal("alice", colleague)).isEmpty();
    // the balancer's own address is not what was counted
    assertThat(throttle.refusal("alice", "10.0.0.2")).isEmpty();
    // one audit row: the lockout, naming the address; no row per failure
    assertThat(audit.actions)
        .singleElement()
        .asString()
        .startsWith("login.throttled")
        .endsWith("from 203.0.113.7");
  }

  @Test
  void withoutTrustedProxiesEveryoneBehindTheBalancerIsOneAddress() {
    LoginThrottle throttle = throttle(new Recorded());
    TrustedProxies none = new TrustedProxies(Optional.empty());
    String attacker = none.client("10.0.0.2", List.of("203.0.113.7"));
    for (int i = 0; i < 20; i++) {
      throttle.failed("user" + i / 4, attacker);
    }
    assertThat(throttle.refusal("alice", none.client("10.0.0.2", List.of("203.0.113.8"))))
        .isPresent();
  }
}
