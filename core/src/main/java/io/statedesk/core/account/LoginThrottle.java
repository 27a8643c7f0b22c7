package io.statedesk.core.account;

import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.security.TrustedProxies;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows password guessing down: after {@code statedesk.security.login.max-failures} failed sign-ins
 * for one user name (or {@code address-max-failures} from one address) within the window, further
 * attempts are refused unchecked for a lockout that doubles each time. Pages and the API both go
 * through here.
 *
 * <p>What is written where: page sign-ins and every lockout go to the audit table with the address;
 * a failure or a refused attempt is only a log line. Why: a guessing attack is thousands of
 * attempts, and an audit row per attempt let the attacker fill the database and slow every sign-in;
 * the lockout row says what happened, with user and address. The address is the client's as {@link
 * io.statedesk.core.security.TrustedProxies} works it out, so one person behind the load balancer
 * does not lock out everyone else.
 */
@ApplicationScoped
public class LoginThrottle {

  private static final Logger LOG = Logger.getLogger(LoginThrottle.class.getName());

  @Inject
  @ConfigProperty(name = "statedesk.security.login.max-failures", defaultValue = "5")
  int maxFailures;

  @Inject
  @ConfigProperty(name = "statedesk.security.login.address-max-failures", defaultValue = "20")
  int addressMaxFailures;

  @Inject
  @ConfigProperty(name = "statedesk.security.login.window-seconds", defaultValue = "900")
  int windowSeconds;

  @Inject
  @ConfigProperty(name = "statedesk.security.login.lockout-seconds", defaultValue = "30")
  int lockoutSeconds;

  @Inject
  @ConfigProperty(name = "statedesk.security.login.max-lockout-seconds", defaultValue = "900")
  int maxLockoutSeconds;

  @Inject AuditLog audit;

  /** Whose addresses are counted: checked at start with the throttle's own settings. */
  @Inject TrustedProxies proxies;

  private ThrottleBook users;
  private ThrottleBook addresses;

  @PostConstruct
  void init() {
    Duration window = Duration.ofSeconds(Math.max(1, windowSeconds));
    Duration lockout = Duration.ofSeconds(Math.max(1, lockoutSeconds));
    Duration max = Duration.ofSeconds(Math.max(lockoutSeconds, maxLockoutSeconds));
    users = new ThrottleBook(Math.max(1, maxFailures), window, lockout, max, Clock.systemUTC());
    addresses =
        new ThrottleBook(Math.max(1, addressMaxFailures), window, lockout, max, Clock.systemUTC());
  }

  /** What is wrong with the settings (and statedesk.http.trusted-proxies), one line each. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>(proxies.problems());
    if (maxFailures < 1 || addressMaxFailures < 1) {
      problems.add(
          "statedesk.security.login.max-failures and address-max-failures must be at least 1");
    }
    if (lockoutSeconds < 1 || maxLockoutSeconds < lockoutSeconds) {
      problems.add(
          "statedesk.security.login.lockout-seconds must be at least 1 and max-lockout-seconds at least that");
    }
    return problems;
  }

  /**
   * Whether {@code username} from {@code address} may try now.
   *
   * @return empty when allowed, else how long to wait
   */
  public Optional<Duration> refusal(String username, String address) {
    ThrottleBook.Decision user = users.check(username);
    ThrottleBook.Decision from = addresses.check(address);
    if (user.allowed() && from.allowed()) {
      return Optional.empty();
    }
    Duration wait =
        user.retryAfter().compareTo(from.retryAfter()) > 0 ? user.retryAfter() : from.retryAfter();
    LOG.fine(
        () ->
            "Sign-in refused unchecked for user '"
                + AuditLog.clean(username, 64)
                + "' from "
                + AuditLog.clean(address, 64)
                + ": locked out for another "
                + wait.toSeconds()
                + " s");
    return Optional.of(wait);
  }

  public void failed(String username, String address) {
    Duration user = users.failed(username);
    Duration from = addresses.failed(address);
    LOG.info(
        () ->
            "Sign-in failed for user '"
                + AuditLog.clean(username, 64)
                + "' from "
                + AuditLog.clean(address, 64));
    if (!user.isZero() || !from.isZero()) {
      Duration length = user.compareTo(from) > 0 ? user : from;
      LOG.warning(
          () ->
              "Sign-in throttled for user '"
                  + AuditLog.clean(username, 64)
                  + "' / address "
                  + AuditLog.clean(address, 64)
                  + " for "
                  + length.toSeconds()
                  + " s after repeated failures");
      audit.record(
          "system",
          AuditAction.LOGIN_THROTTLED,
          "user " + AuditLog.clean(username, 64),
          "locked out for " + length.toSeconds() + " s",
          address);
    }
    users.prune();
    addresses.prune();
  }

  /**
   * A valid sign-in clears the user's failures.
   *
   * @param record audit it (page sign-ins); API calls authenticate on every request and are not
   *     audited one by one
   */
  public void succeeded(String username, String address, boolean record) {
    users.succeeded(username);
    if (record) {
      audit.record(username, AuditAction.LOGIN_SUCCEEDED, "user " + username, null, address);
    }
  }
}
