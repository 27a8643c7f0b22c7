package io.statedesk.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.HashMap;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The work factor: OWASP's 600,000 iterations unless configured, a lower count accepted down to
 * 10,000 (the test servers' setting), anything lower refused at start with the key named.
 */
class PasswordHashingTest {

  /** Keeps the parameters instead of hashing. */
  static final class Parameters implements Pbkdf2PasswordHash {
    final Map<String, String> given = new HashMap<>();

    @Override
    public void initialize(Map<String, String> parameters) {
      given.putAll(parameters);
    }

    @Override
    public String generate(char[] password) {
      return "";
    }

    @Override
    public boolean verify(char[] password, String hashedPassword) {
      return false;
    }
  }

  static Map<String, String> configured(int iterations) {
    PasswordHashing hashing = new PasswordHashing();
    Parameters parameters = new Parameters();
    hashing.hash = parameters;
    hashing.iterations = iterations;
    hashing.configure();
    return parameters.given;
  }

  @Test
  void withoutASettingPasswordsAreHashedAtOwaspsCount() throws Exception {
    String fallback =
        PasswordHashing.class
            .getDeclaredField("iterations")
            .getAnnotation(ConfigProperty.class)
            .defaultValue();
    assertThat(fallback).isEqualTo("600000");
    assertThat(configured(Integer.parseInt(fallback)))
        .containsEntry("Pbkdf2PasswordHash.Iterations", "600000")
        .containsEntry("Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256");
  }

  @Test
  void aLowerCountDownToTenThousandIsUsedAsConfigured() {
    assertThat(configured(10_000)).containsEntry("Pbkdf2PasswordHash.Iterations", "10000");
    PasswordHashing hashing = new PasswordHashing();
    hashing.iterations = 10_000;
    assertThat(hashing.problems()).isEmpty();
  }

  @Test
  void belowTenThousandTheConsoleDoesNotStart() {
    PasswordHashing hashing = new PasswordHashing();
    hashing.iterations = 9_999;
    assertThat(hashing.problems())
        .containsExactly("statedesk.security.password.iterations must be at least 10000, not 9999");
  }
}
