package io.statedesk.core.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Secret settings (the directory account's password, the LDAP bind password, the hosted agents'
 * credentials file) may be written sealed, as {@code ENC(...)} values that the one key in {@code
 * statedesk.security.key-file} opens ({@link SealedCredentials}).
 *
 * <p>Why one key for all: an operator keeps, rotates and backs up one secret file instead of one
 * per setting, and a configuration dump or a copied {@code microprofile-config.properties} then
 * holds nothing that signs in anywhere. Clear-text values keep working (warned about at start by
 * the settings that use them). A sealed setting is bound to its setting's name (AES-GCM additional
 * data), so it cannot be moved to another setting; one sealed before that still opens, with a
 * warning to seal it again.
 */
@ApplicationScoped
public class ConfiguredSecrets {

  public static final String KEY_FILE = "statedesk.security.key-file";

  private final Optional<String> keyFile;

  @Inject
  public ConfiguredSecrets(@ConfigProperty(name = KEY_FILE) Optional<String> keyFile) {
    this.keyFile = keyFile;
  }

  /** For CDI proxies only. */
  protected ConfiguredSecrets() {
    this(Optional.empty());
  }

  /** Whether a key is configured (then secrets are expected sealed). */
  public boolean hasKey() {
    return keyFile.isPresent();
  }

  /**
   * The key, if configured.
   *
   * @throws IllegalArgumentException naming what is wrong with the key file
   */
  public Optional<SealedCredentials> key() {
    if (keyFile.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(SealedCredentials.fromKeyFile(Path.of(keyFile.get())));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          KEY_FILE + " '" + keyFile.get() + "' " + e.getMessage(), e);
    }
  }

  /** What is wrong with the key file; empty when fine or not set. */
  public List<String> keyProblems() {
    try {
      key();
      return List.of();
    } catch (IllegalArgumentException e) {
      return List.of(e.getMessage());
    }
  }

  /**
   * What is wrong with the value of the secret setting {@code name}: sealed without a key, or not
   * opening with it. Never contains the value.
   */
  public List<String> problems(String name, Optional<String> value) {
    if (value.isEmpty() || !SealedCredentials.isSealed(value.get())) {
      return List.of();
    }
    if (keyFile.isEmpty()) {
      return List.of(name + " is sealed (ENC(...)) but " + KEY_FILE + " is not set");
    }
    try {
      key().orElseThrow().open(value.get(), name);
      return List.of();
    } catch (IllegalArgumentException e) {
      return List.of(name + " " + e.getMessage());
    }
  }

  /**
   * The plain text of a secret setting: opened when sealed, as written otherwise.
   *
   * @throws IllegalArgumentException when sealed and the key is missing or does not open it
   */
  public String open(String name, String value) {
    if (!SealedCredentials.isSealed(value)) {
      return value;
    }
    List<String> problems = problems(name, Optional.of(value));
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(problems.get(0));
    }
    if (!SealedCredentials.isBound(value)) {
      Logger.getLogger(ConfiguredSecrets.class.getName())
          .warning(
              name
                  + " is sealed without being bound to its setting (an older ENC(...) value):"
                  + " seal it again with seal-value KEYFILE "
                  + name);
    }
    return key().orElseThrow().open(value, name);
  }
}
