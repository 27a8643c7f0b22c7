package io.statedesk.core.session;

import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import io.statedesk.core.gateway.GatewaySettings;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
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

  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.sign-in-rate", defaultValue = "50")
  int signInRate;

  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.poll-pause-ms", defaultValue = "300")
  long pollPauseMs;

  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.sign-out-on-stop", defaultValue = "true")
  boolean signOutOnStop;

  @Inject GatewaySettings gateway;
  @Inject GatewayClient client;
  @Inject SessionStore store;

  private volatile HostedSessionPool pool;

  /** Starts the pool if hosted sessions are enabled; safe to call again. */
  public synchronized void start() {
    if (!enabled || pool != null) {
      return;
    }
    HostedSessionPool.Settings settings =
        new HostedSessionPool.Settings(
            parseAgents(agents),
            SignInMode.valueOf(signInMode.trim().toUpperCase(Locale.ROOT)),
            force,
            gateway.authMode(),
            signInRate,
            Duration.ofMillis(pollPauseMs),
            Duration.ofMillis(500),
            Duration.ofSeconds(30),
            Duration.ofMinutes(5),
            signOutOnStop);
    pool =
        new HostedSessionPool(
            client, store, scheduler(), settings, credentials(), Clock.systemUTC());
    pool.start();
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
  }

  /**
   * With a key: every value sealed and each one opens with it. Without: the file holds clear text,
   * which is allowed (with a warning at start) so that existing installations keep working.
   */
  List<String> credentialProblems(Path file) {
    List<String> problems = new java.util.ArrayList<>();
    Properties lines;
    try {
      lines = load(file);
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

  private static Properties load(Path file) {
    Properties lines = new Properties();
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      lines.load(in);
    } catch (IOException e) {
      throw new IllegalStateException(
          "statedesk.sessions.hosted.credentials-file cannot be read: " + e.getMessage(), e);
    }
    return lines;
  }

  private HostedSessionPool.Credentials credentials() {
    if (credentialsFile.isPresent()) {
      Properties file = load(Path.of(credentialsFile.get()));
      if (!secrets.hasKey()) {
        java.util.logging.Logger.getLogger(HostedSessions.class.getName())
            .warning(
                "statedesk.sessions.hosted.credentials-file holds clear-text passwords: seal them"
                    + " and set statedesk.security.key-file (operator guide)");
        return agentId -> Optional.ofNullable(file.getProperty(Integer.toString(agentId)));
      }
      // sealed values stay sealed in memory; each sign-in opens the one it needs
      SealedCredentials box = secrets.key().orElseThrow();
      return agentId ->
          Optional.ofNullable(file.getProperty(Integer.toString(agentId)))
              .map(v -> box.open(v, SealedCredentials.agent(Integer.toString(agentId))));
    }
    String pattern = passwordPattern.orElseThrow();
    return agentId -> Optional.of(pattern.replace("{agent}", Integer.toString(agentId)));
  }

  private static ManagedScheduledExecutorService scheduler() {
    try {
      return InitialContext.doLookup("java:comp/DefaultManagedScheduledExecutorService");
    } catch (NamingException e) {
      throw new IllegalStateException("No default managed scheduled executor service", e);
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
