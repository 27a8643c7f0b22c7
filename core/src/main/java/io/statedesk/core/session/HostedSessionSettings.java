package io.statedesk.core.session;

import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The hosted sessions' settings, {@code statedesk.sessions.hosted.*} (and whether the console is
 * clustered): read from MicroProfile Config, checked at start-up ({@link #problems()}) and turned
 * into the plain {@link PoolSettings} of a {@link HostedSessionPool}. Apart from {@link
 * HostedSessions}, which runs the pool, so that every setting and its check are in one place.
 */
@ApplicationScoped
public class HostedSessionSettings {

  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.enabled", defaultValue = "false")
  boolean enabled;

  /** Agent ids and ranges, e.g. {@code 10001-10300,20001}. */
  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.agents", defaultValue = " ")
  String agents;

  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.sign-in-mode", defaultValue = "loginex")
  String signInMode;

  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.force", defaultValue = "false")
  boolean force;

  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.sign-in-rate", defaultValue = "50")
  int signInRate;

  /** Threads of the dedicated sign-in executor (each waits for one gateway answer at a time). */
  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.sign-in-threads", defaultValue = "4")
  int signInThreads;

  /** How often an agent that another desktop holds is tried again (never by force). */
  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.taken-over-retry-seconds", defaultValue = "60")
  int takenOverRetrySeconds;

  /** The gateway's session timeout (its MAXTIME): how long a session outlives its last poll. */
  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.session-timeout-seconds", defaultValue = "120")
  int sessionTimeoutSeconds;

  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.poll-pause-ms", defaultValue = "300")
  long pollPauseMs;

  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.sign-out-on-stop", defaultValue = "true")
  boolean signOutOnStop;

  /**
   * Several consoles divide the hosted agents by shards: start with none, the cluster adds them.
   */
  @Inject
  @ConfigProperty(name = "statedesk.cluster.enabled", defaultValue = "false")
  boolean clustered;

  /** Retry delay for 100-002 right after start (this console's own old session, probably). */
  static final Duration RECLAIM_RETRY = Duration.ofSeconds(15);

  boolean enabled() {
    return enabled;
  }

  boolean clustered() {
    return clustered;
  }

  boolean signOutOnStop() {
    return signOutOnStop;
  }

  int signInRate() {
    return signInRate;
  }

  int signInThreads() {
    return signInThreads;
  }

  /** The gateway's session timeout (its MAXTIME). */
  Duration sessionTimeout() {
    return Duration.ofSeconds(sessionTimeoutSeconds);
  }

  /** The configured hosted agents; throws as {@link #parseAgents} does. */
  Set<Integer> agents() {
    return parseAgents(agents);
  }

  /** The pool's settings, with the gateway's configured AUTHMODE until a rotation proves it 2. */
  PoolSettings poolSettings(int assumedAuthMode) {
    Duration sessionTimeout = sessionTimeout();
    return new PoolSettings(
        parseAgents(agents),
        SignInMode.valueOf(signInMode.trim().toUpperCase(Locale.ROOT)),
        force,
        assumedAuthMode,
        signInRate,
        Duration.ofMillis(pollPauseMs),
        Duration.ofMillis(500),
        Duration.ofSeconds(30),
        Duration.ofSeconds(takenOverRetrySeconds),
        sessionTimeout,
        RECLAIM_RETRY.compareTo(sessionTimeout) < 0 ? RECLAIM_RETRY : sessionTimeout,
        signOutOnStop);
  }

  /** What is wrong with these settings, one line each (whether enabled or not). */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
    try {
      if (parseAgents(agents).isEmpty()) {
        problems.add(
            "statedesk.sessions.hosted.agents is empty: list agent ids or ranges, e.g. 10001-10300");
      }
    } catch (IllegalArgumentException e) {
      problems.add(e.getMessage());
    }
    if (!Set.of("LOGIN", "LOGINEX").contains(signInMode.trim().toUpperCase(Locale.ROOT))) {
      problems.add(
          "statedesk.sessions.hosted.sign-in-mode must be login or loginex, was " + signInMode);
    }
    if (signInRate < 1) {
      problems.add("statedesk.sessions.hosted.sign-in-rate must be at least 1, was " + signInRate);
    }
    if (signInThreads < 1 || signInThreads > 64) {
      problems.add("statedesk.sessions.hosted.sign-in-threads must be 1..64, was " + signInThreads);
    }
    if (sessionTimeoutSeconds < 10) {
      problems.add(
          "statedesk.sessions.hosted.session-timeout-seconds must be at least 10 (the gateway's"
              + " MAXTIME, 120 by default), was "
              + sessionTimeoutSeconds);
    }
    if (takenOverRetrySeconds < 5) {
      problems.add(
          "statedesk.sessions.hosted.taken-over-retry-seconds must be at least 5, was "
              + takenOverRetrySeconds);
    }
    return problems;
  }

  /**
   * Parses {@code 10001-10300,20001}.
   *
   * @throws IllegalArgumentException naming the bad part
   */
  public static Set<Integer> parseAgents(String spec) {
    Set<Integer> ids = new LinkedHashSet<>();
    for (RelayScope.Range range :
        AgentRanges.parse(
            spec,
            why ->
                new IllegalArgumentException(
                    "statedesk.sessions.hosted.agents: " + why.english()))) {
      for (int id = range.from(); id <= range.to(); id++) {
        ids.add(id);
      }
    }
    return ids;
  }
}
