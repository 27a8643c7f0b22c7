package io.statedesk.core.account;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PBKDF2-HMAC-SHA256, by default at OWASP's 2023 iteration count.
 *
 * <p>Why not Jakarta Security's defaults: they use far fewer iterations (a few thousand) than the
 * 600,000 OWASP asks for PBKDF2-HMAC-SHA256. The hash string carries its own algorithm, iterations
 * and salt, so a changed count applies to passwords set from then on and every stored hash stays
 * verifiable.
 *
 * <p>Why the count is a setting ({@code statedesk.security.password.iterations}): the cost is what
 * the hardware makes of it (about 0.16 s of CPU per check on a current server core), and the test
 * servers run with the quick-start compiler alone, on which one check costs 1.2 s: hundreds of
 * sign-ins and seeded users made password hashing a large share of the test suite's CPU. A count
 * below OWASP's is logged as such at every start; below 10,000 the console does not start.
 */
@ApplicationScoped
public class PasswordHashing {

  private static final Logger LOG = Logger.getLogger(PasswordHashing.class.getName());

  /** OWASP Password Storage Cheat Sheet, PBKDF2-HMAC-SHA256: the default. */
  static final int OWASP_ITERATIONS = 600_000;

  /** Below this a hash is cheap to brute-force on any hardware: refused at start. */
  static final int MIN_ITERATIONS = 10_000;

  static final String ITERATIONS_KEY = "statedesk.security.password.iterations";

  @Inject Pbkdf2PasswordHash hash;

  @Inject
  @ConfigProperty(name = ITERATIONS_KEY, defaultValue = "" + OWASP_ITERATIONS)
  int iterations;

  @PostConstruct
  void configure() {
    if (iterations < OWASP_ITERATIONS && iterations >= MIN_ITERATIONS) {
      LOG.warning(
          () ->
              ITERATIONS_KEY
                  + "="
                  + iterations
                  + ": new passwords are hashed with fewer PBKDF2 iterations than OWASP's "
                  + OWASP_ITERATIONS
                  + " (meant for test servers)");
    }
    hash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", Integer.toString(Math.max(MIN_ITERATIONS, iterations)),
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
  }

  /** What is wrong with the setting, one line each (checked at start). */
  public List<String> problems() {
    return iterations < MIN_ITERATIONS
        ? List.of(ITERATIONS_KEY + " must be at least " + MIN_ITERATIONS + ", not " + iterations)
        : List.of();
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
