package io.statedesk.core.session;

import io.statedesk.core.security.ConfiguredSecrets;
import io.statedesk.core.security.SealedCredentials;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.IntFunction;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where hosted agents' passwords and phone numbers are configured ({@code
 * statedesk.sessions.hosted.credentials-file}, {@code password-pattern}, {@code phonenum-pattern}),
 * checked as a whole.
 */
@ApplicationScoped
public class HostedCredentialsConfig {

  /** A file of {@code agentId=password} lines; readable only by the server's user. */
  @Inject
  @ConfigProperty(name = "statedesk.sessions.hosted.credentials-file")
  Optional<String> credentialsFile;

  /**
   * The key that {@code ENC(...)} values in the credentials file are sealed with ({@link
   * SealedCredentials}). When one is configured, every password in the file must be sealed.
   */
  @Inject ConfiguredSecrets secrets;

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

  /** What is wrong with these settings, one line each. */
  List<String> problems() {
    List<String> problems = new ArrayList<>();
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

  /**
   * With a key: every value sealed and each one opens with it. Without: the file holds clear text,
   * which is allowed (with a warning at start) so that existing installations keep working.
   */
  List<String> credentialProblems(Path file) {
    List<String> problems = new ArrayList<>();
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
    for (String agent : new TreeSet<>(lines.stringPropertyNames())) {
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

  HostedCredentials credentials() {
    IntFunction<Optional<String>> phone =
        agentId -> phonePattern.map(p -> p.replace("{agent}", Integer.toString(agentId)));
    if (credentialsFile.isPresent()) {
      BiFunction<Integer, String, String> open;
      if (!secrets.hasKey()) {
        Logger.getLogger(HostedCredentialsConfig.class.getName())
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
}
