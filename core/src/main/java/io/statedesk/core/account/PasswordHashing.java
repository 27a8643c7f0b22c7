package io.statedesk.core.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * PBKDF2-HMAC-SHA256 at OWASP's 2023 iteration count.
 *
 * <p>Why not Jakarta Security's defaults: they use far fewer iterations (a few thousand) than the
 * 600,000 OWASP asks for PBKDF2-HMAC-SHA256. The hash string carries its own algorithm, iterations
 * and salt, so raising the count later keeps old hashes verifiable.
 */
@ApplicationScoped
public class PasswordHashing {

  /** OWASP Password Storage Cheat Sheet, PBKDF2-HMAC-SHA256. */
  static final int ITERATIONS = 600_000;

  @Inject Pbkdf2PasswordHash hash;

  @PostConstruct
  void configure() {
    hash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", Integer.toString(ITERATIONS),
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
  }

  /** A self-describing hash of {@code password}. */
  public String hash(char[] password) {
    return hash.generate(password);
  }

  /** Whether {@code password} matches {@code storedHash}. */
  public boolean matches(char[] password, String storedHash) {
    return hash.verify(password, storedHash);
  }
}
