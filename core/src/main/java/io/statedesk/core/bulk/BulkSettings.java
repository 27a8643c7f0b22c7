package io.statedesk.core.bulk;

import io.statedesk.core.desired.DesiredSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The {@code statedesk.bulk.*} settings, checked as a whole at start-up. */
@ApplicationScoped
public class BulkSettings {

  /** Checked with these: desired states and schedules run through the bulk engine. */
  @Inject DesiredSettings desired;

  /** Gateway calls in flight at once on this instance, over all running changes. */
  @Inject
  @ConfigProperty(name = "statedesk.bulk.concurrency", defaultValue = "20")
  int concurrency;

  /** Gateway calls per second for this instance (0 = no limit). */
  @Inject
  @ConfigProperty(name = "statedesk.bulk.rate-limit", defaultValue = "0")
  int rateLimit;

  @Inject
  @ConfigProperty(name = "statedesk.bulk.max-attempts", defaultValue = "5")
  int maxAttempts;

  @Inject
  @ConfigProperty(name = "statedesk.bulk.backoff-base-ms", defaultValue = "200")
  long backoffBaseMs;

  @Inject
  @ConfigProperty(name = "statedesk.bulk.backoff-cap-ms", defaultValue = "5000")
  long backoffCapMs;

  @Inject
  @ConfigProperty(name = "statedesk.bulk.max-retry-after-ms", defaultValue = "30000")
  long maxRetryAfterMs;

  @Inject
  @ConfigProperty(name = "statedesk.bulk.renew-wait-ms", defaultValue = "5000")
  long renewWaitMs;

  /**
   * How long a call keeps waiting for an agent whose first sign-in on this console is still under
   * way (its shard was just taken over, or the console just started): the agent goes back to
   * pending instead of ending "no session", for at most this long after the console began hosting
   * it.
   */
  @Inject
  @ConfigProperty(name = "statedesk.bulk.sign-in-wait-seconds", defaultValue = "120")
  int signInWaitSeconds;

  /** Consecutive outage failures (refused, timed out, HTTP 502/503/504) that open the breaker. */
  @Inject
  @ConfigProperty(name = "statedesk.bulk.breaker.failures", defaultValue = "20")
  int breakerFailures;

  @Inject
  @ConfigProperty(name = "statedesk.bulk.breaker.delay-ms", defaultValue = "5000")
  long breakerDelayMs;

  /** Above this many agents the supervisor must type the count to confirm. */
  @Inject
  @ConfigProperty(name = "statedesk.bulk.confirm-above", defaultValue = "500")
  int confirmAbove;

  @Inject
  @ConfigProperty(name = "statedesk.bulk.max-agents", defaultValue = "50000")
  int maxAgents;

  /** Whether new changes read each agent's state back by default. */
  @Inject
  @ConfigProperty(name = "statedesk.bulk.verify", defaultValue = "true")
  boolean verify;

  @Inject
  @ConfigProperty(name = "statedesk.bulk.lease-seconds", defaultValue = "30")
  int leaseSeconds;

  @Inject
  @ConfigProperty(name = "statedesk.bulk.resume-after-restart", defaultValue = "true")
  boolean resumeAfterRestart;

  /** How long a restarted instance waits for sessions to read back outcomes left in flight. */
  @Inject
  @ConfigProperty(name = "statedesk.bulk.reconcile-wait-seconds", defaultValue = "60")
  int reconcileWaitSeconds;

  /**
   * How long after start-up the sweep first takes up changes left unfinished, so that hosted
   * sessions have signed in again before their agents are called.
   */
  @Inject
  @ConfigProperty(name = "statedesk.bulk.resume-delay-seconds", defaultValue = "20")
  int resumeDelaySeconds;

  /** What is wrong, one line per setting with how to fix it; empty when all is well. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    range(problems, "concurrency", concurrency, 1, 500);
    range(problems, "rate-limit", rateLimit, 0, 100_000);
    range(problems, "max-attempts", maxAttempts, 1, 20);
    range(problems, "backoff-base-ms", backoffBaseMs, 1, 60_000);
    if (backoffCapMs <= backoffBaseMs) {
      problems.add(
          "statedesk.bulk.backoff-cap-ms must be greater than backoff-base-ms ("
              + backoffBaseMs
              + "), was "
              + backoffCapMs);
    }
    range(problems, "max-retry-after-ms", maxRetryAfterMs, 0, 600_000);
    range(problems, "renew-wait-ms", renewWaitMs, 0, 120_000);
    range(problems, "sign-in-wait-seconds", signInWaitSeconds, 0, 3600);
    range(problems, "breaker.failures", breakerFailures, 1, 10_000);
    range(problems, "breaker.delay-ms", breakerDelayMs, 100, 600_000);
    range(problems, "confirm-above", confirmAbove, 1, 1_000_000);
    range(problems, "max-agents", maxAgents, 1, 1_000_000);
    range(problems, "lease-seconds", leaseSeconds, 5, 3600);
    range(problems, "reconcile-wait-seconds", reconcileWaitSeconds, 0, 3600);
    range(problems, "resume-delay-seconds", resumeDelaySeconds, 0, 3600);
    problems.addAll(desired.problems());
    return problems;
  }

  private static void range(List<String> problems, String key, long value, long min, long max) {
    if (value < min || value > max) {
      problems.add("statedesk.bulk." + key + " must be " + min + ".." + max + ", was " + value);
    }
  }

  public int concurrency() {
    return concurrency;
  }

  public int rateLimit() {
    return rateLimit;
  }

  public int breakerFailures() {
    return breakerFailures;
  }

  public Duration breakerDelay() {
    return Duration.ofMillis(breakerDelayMs);
  }

  public int confirmAbove() {
    return confirmAbove;
  }

  public int maxAgents() {
    return maxAgents;
  }

  public boolean verify() {
    return verify;
  }

  public Duration lease() {
    return Duration.ofSeconds(leaseSeconds);
  }

  public boolean resumeAfterRestart() {
    return resumeAfterRestart;
  }

  public Duration resumeDelay() {
    return Duration.ofSeconds(resumeDelaySeconds);
  }

  /** See {@code statedesk.bulk.sign-in-wait-seconds}. */
  public Duration signInWait() {
    return Duration.ofSeconds(signInWaitSeconds);
  }

  public Duration reconcileWait() {
    return Duration.ofSeconds(reconcileWaitSeconds);
  }

  /** The per-agent retry budget. */
  public AgentCall.Settings call() {
    return new AgentCall.Settings(
        maxAttempts,
        Duration.ofMillis(backoffBaseMs),
        Duration.ofMillis(backoffCapMs),
        0.25,
        Duration.ofMillis(maxRetryAfterMs),
        Duration.ofMillis(renewWaitMs));
  }
}
