package io.statedesk.core.session;

import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import io.statedesk.core.gateway.GatewaySettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The container's hosted-session pool, configured by {@code statedesk.sessions.hosted.*} and
 * started with the console (see {@link io.statedesk.core.persistence.ApplicationStartup}).
 */
@ApplicationScoped
public class HostedSessions {

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

  /** A file of {@code agentId=password} lines; readable only by the server's user. */
  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.credentials-file")
  Optional<String> credentialsFile;

  /**
   * The key that {@code ENC(...)} values in the credentials file are sealed with ({@link
   * SealedCredentials}). When one is configured, every password in the file must be sealed.
   */
  @Inject io.statedesk.core.security.ConfiguredSecrets secrets;

  /** Demo and test only: every password follows this pattern, {@code {agent}} is the agent id. */
  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.password-pattern")
  Optional<String> passwordPattern;

  /**
   * The {@code phonenum} of agents the credentials file names none for; {@code {agent}} is the
   * agent id (e.g. {@code 7{agent}}). The newer gateway pages make it mandatory.
   */
  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.phonenum-pattern")
  Optional<String> phonePattern;

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

  @Inject GatewaySettings gateway;
  @Inject GatewayClient client;
  @Inject SessionStore store;
  @Inject Event<SessionStarted> sessionStarted;

  private volatile HostedSessionPool pool;
  private ExecutorService signInExecutor;

  /** Starts the pool if hosted sessions are enabled; safe to call again. */
  public synchronized void start() {
    if (!enabled || pool != null) {
      return;
    }
    Duration sessionTimeout = Duration.ofSeconds(sessionTimeoutSeconds);
    PoolSettings settings =
        new PoolSettings(
            parseAgents(agents),
            SignInMode.valueOf(signInMode.trim().toUpperCase(Locale.ROOT)),
            force,
            gateway.authMode(),
            signInRate,
            Duration.ofMillis(pollPauseMs),
            Duration.ofMillis(500),
            Duration.ofSeconds(30),
            Duration.ofSeconds(takenOverRetrySeconds),
            sessionTimeout,
            RECLAIM_RETRY.compareTo(sessionTimeout) < 0 ? RECLAIM_RETRY : sessionTimeout,
            signOutOnStop);
    signInExecutor = signInExecutor(signInThreads);
    pool =
        new HostedSessionPool(
            client,
            store,
            new PoolThreads(
                PoolTimer.of(lookup("java:comp/DefaultManagedScheduledExecutorService")),
                signInExecutor,
                SignInThrottle.perSecond(signInRate)),
            settings,
            credentials(),
            Clock.systemUTC());
    // plain Java pool, CDI event: observers run asynchronously, never on a sign-in thread
    pool.addSessionListener(sessionStarted::fireAsync);
    pool.start();
  }

  /** Retry delay for 100-002 right after start (this console's own old session, probably). */
  static final Duration RECLAIM_RETRY = Duration.ofSeconds(15);

  /**
   * A fixed pool of container-managed threads (Jakarta Concurrency's default thread factory), so
   * that sign-ins never wait on, or block, the shared scheduler that runs polls and syncs.
   */
  private static ExecutorService signInExecutor(int threads) {
    ManagedThreadFactory factory = lookup("java:comp/DefaultManagedThreadFactory");
    return new ThreadPoolExecutor(
        threads, threads, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), factory);
  }

  /** What is wrong with the settings, one line each; empty when fine or disabled. */
  public List<String> problems() {
    if (!enabled) {
      return List.of();
    }
    List<String> problems = new java.util.ArrayList<>();
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
    if (credentialsFile.isEmpty() && passwordPattern.isEmpty()) {
      problems.add(
          "hosted sessions need statedesk.sessions.hosted.credentials-file (agentId=password lines)");
    }
    credentialsFile.ifPresent(
        f -> {
          if (!Files.isReadable(Path.of(f))) {
            problems.add("statedesk.sessions.hosted.credentials-file '" + f + "' is not readable");
          } else if (SealedCredentials.exposure(Path.of(f)).isPresent()) {
            problems.add(
                "statedesk.sessions.hosted.credentials-file '"
                    + f
                    + "' "
                    + SealedCredentials.exposure(Path.of(f)).get());
          } else {
            problems.addAll(credentialProblems(Path.of(f)));
          }
        });
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
    phonePattern.ifPresent(
        p -> {
          String sample = p.replace("{agent}", "999999");
          if (!sample.chars().allMatch(Character::isDigit) || sample.length() > 24) {
            problems.add(
                "statedesk.sessions.hosted.phonenum-pattern must give digits only, at most 24,"
                    + " with {agent} for the agent id (e.g. 7{agent}), was '"
                    + p
                    + "'");
          }
        });
    return problems;
  }

  public Optional<HostedSessionPool> pool() {
    return Optional.ofNullable(pool);
  }

  @PreDestroy
  synchronized void stop() {
    if (pool != null) {
      pool.close();
      pool = null;
    }
    if (signInExecutor != null) {
      signInExecutor.shutdownNow();
      signInExecutor = null;
    }
  }

  /**
   * With a key: every value sealed and each one opens with it. Without: the file holds clear text,
   * which is allowed (with a warning at start) so that existing installations keep working.
   */
  List<String> credentialProblems(Path file) {
    List<String> problems = new java.util.ArrayList<>();
    Properties lines;
    try {
      lines = CredentialsFile.load(file);
    } catch (IllegalStateException e) {
      return List.of(e.getMessage());
    }
    if (!secrets.hasKey()) {
      return problems;
    }
    SealedCredentials box;
    try {
      box = secrets.key().orElseThrow();
    } catch (IllegalArgumentException e) {
      return List.of(e.getMessage());
    }
    for (String agent : new java.util.TreeSet<>(lines.stringPropertyNames())) {
      if (agent.endsWith(CredentialsFile.PHONE)) {
        continue;
      }
      String value = lines.getProperty(agent);
      if (!SealedCredentials.isSealed(value)) {
        problems.add(
            "statedesk.sessions.hosted.credentials-file: the password of agent "
                + agent
                + " is not sealed; seal the file with SealedCredentials (operator guide)");
      } else {
        try {
          box.open(value, SealedCredentials.agent(agent));
        } catch (IllegalArgumentException e) {
          problems.add(
              "statedesk.sessions.hosted.credentials-file: the password of agent "
                  + agent
                  + " "
                  + e.getMessage());
        }
      }
    }
    return problems;
  }

  private HostedCredentials credentials() {
    IntFunction<Optional<String>> phone =
        agentId -> phonePattern.map(p -> p.replace("{agent}", Integer.toString(agentId)));
    if (credentialsFile.isPresent()) {
      java.util.function.BiFunction<Integer, String, String> open;
      if (!secrets.hasKey()) {
        java.util.logging.Logger.getLogger(HostedSessions.class.getName())
            .warning(
                "statedesk.sessions.hosted.credentials-file holds clear-text passwords: seal them"
                    + " and set statedesk.security.key-file (operator guide)");
        open = (agent, value) -> value;
      } else {
        SealedCredentials box = secrets.key().orElseThrow();
        // each value opens only for its own agent (bound, AES-GCM additional data)
        open = (agent, value) -> box.open(value, SealedCredentials.agent(Integer.toString(agent)));
      }
      return new CredentialsFile(Path.of(credentialsFile.get()), open, phone);
    }
    return HostedCredentials.patterns(passwordPattern.orElseThrow(), phonePattern);
  }

  @SuppressWarnings("unchecked")
  private static <T> T lookup(String name) {
    try {
      return (T) InitialContext.doLookup(name);
    } catch (NamingException e) {
      throw new IllegalStateException("No " + name, e);
    }
  }

  /**
   * Parses {@code 10001-10300,20001}.
   *
   * @throws IllegalArgumentException naming the bad part
   */
  public static Set<Integer> parseAgents(String spec) {
    Set<Integer> ids = new LinkedHashSet<>();
    if (spec == null || spec.isBlank()) {
      return ids;
    }
    for (String part : spec.split(",")) {
      String p = part.trim();
      if (p.isEmpty()) {
        continue;
      }
      try {
        String[] range = p.split("-", 2);
        int from = Integer.parseInt(range[0].trim());
        int to = range.length == 2 ? Integer.parseInt(range[1].trim()) : from;
        if (from < 101 || to > 999_999 || from > to) {
          throw new IllegalArgumentException(
              "statedesk.sessions.hosted.agents: '" + p + "' is not within 101..999999");
        }
        for (int id = from; id <= to; id++) {
          ids.add(id);
        }
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException(
            "statedesk.sessions.hosted.agents: '" + p + "' is not an agent id or range");
      }
    }
    return ids;
  }
}
