package io.statedesk.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statedesk.core.Deployments;
import io.statedesk.core.persistence.Database;
import io.statedesk.core.persistence.SchemaMigration;
import io.statedesk.core.security.Role;
import io.statedesk.core.testing.OnPostgresql;
import io.statedesk.core.testing.SharedServer;
import io.statedesk.core.testing.TestDatabase;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.security.SecureRandom;
import java.sql.Connection;
import java.util.Base64;
import java.util.Set;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Accounts, the identity store and the demo users, on Payara Micro with its embedded H2 (and on
 * PostgreSQL).
 */
@SharedServer
@ExtendWith({TestDatabase.class, ArquillianExtension.class})
class UserAccountsIT {

  @Deployment
  static WebArchive deployment() {
    // the class decides the database (OnPostgresql); the deployment carries the expectation
    return Deployments.core("statedesk.demo.enabled=true");
  }

  @Inject Database database;

  @Inject
  @ConfigProperty(name = "test.expected-database")
  String expectedDatabase;

  @Inject UserAccounts accounts;
  @Inject DatabaseIdentityStore identityStore;
  @Inject SchemaMigration schema;
  @Inject PasswordHashing hashing;

  @Inject
  @ConfigProperty(name = "statedesk.security.password.iterations", defaultValue = "600000")
  int iterations;

  @Test
  void theTestsRunOnTheDatabaseTheirClassIsFor() throws Exception {
    // in the server this is the concrete class: UserAccountsOnPostgresqlIT for the PostgreSQL run
    String wanted = getClass().isAnnotationPresent(OnPostgresql.class) ? "PostgreSQL" : "H2";
    assertThat(expectedDatabase).as("the deployment's expectation").isEqualTo(wanted);
    try (Connection c = database.dataSource().getConnection()) {
      assertThat(c.getMetaData().getDatabaseProductName()).isEqualTo(wanted);
    }
  }

  @Test
  void migrationsRanBeforeTheApplicationStarted() {
    assertThat(schema.currentVersion()).isNotEqualTo("none");
  }

  @Test
  void demoUsersExistWithTheirDocumentedPasswordsAndRoles() {
    CredentialValidationResult admin =
        identityStore.validate(new UsernamePasswordCredential("admin", "admin-demo"));
    assertThat(admin.getStatus()).isEqualTo(CredentialValidationResult.Status.VALID);
    assertThat(admin.getCallerGroups()).containsExactly("ADMIN");

    CredentialValidationResult alice =
        identityStore.validate(new UsernamePasswordCredential("alice", "alice-demo"));
    assertThat(alice.getCallerGroups()).containsExactly("SUPERVISOR");
  }

  @Test
  void wrongPasswordOrUnknownUserIsInvalid() {
    assertThat(identityStore.validate(new UsernamePasswordCredential("admin", "nope")).getStatus())
        .isEqualTo(CredentialValidationResult.Status.INVALID);
    assertThat(
            identityStore
                .validate(new UsernamePasswordCredential("nobody", "admin-demo"))
                .getStatus())
        .isEqualTo(CredentialValidationResult.Status.INVALID);
  }

  /**
   * The hash carries the configured count (OWASP's 600,000 by default, PasswordHashingTest; the
   * test servers' 10,000), and a hash written at another count, as before the setting changed,
   * still verifies.
   */
  @Test
  void storesOnlyAHashWithTheConfiguredIterationsAndOlderCountsStillVerify() throws Exception {
    UserAccount created =
        accounts.create(
            "carol-" + System.nanoTime() % 100000,
            "Carol",
            "s3cret-pass".toCharArray(),
            Set.of(Role.SUPERVISOR));
    UserAccount stored = accounts.find(created.getUsername()).orElseThrow();
    assertThat(stored.getPasswordHash())
        .doesNotContain("s3cret-pass")
        .startsWith("PBKDF2WithHmacSHA256:" + iterations + ":");
    assertThat(accounts.authenticate(created.getUsername(), "s3cret-pass".toCharArray()))
        .isPresent();

    byte[] salt = new byte[32];
    new SecureRandom().nextBytes(salt);
    byte[] key =
        SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
            .generateSecret(new PBEKeySpec("s3cret-pass".toCharArray(), salt, 20_000, 256))
            .getEncoded();
    Base64.Encoder b64 = Base64.getEncoder();
    String older =
        "PBKDF2WithHmacSHA256:20000:" + b64.encodeToString(salt) + ":" + b64.encodeToString(key);
    assertThat(hashing.matches("s3cret-pass".toCharArray(), older)).isTrue();
    assertThat(hashing.matches("other-pass".toCharArray(), older)).isFalse();
  }

  @Test
  void duplicateUsernameIsRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                accounts.create("admin", "Again", "another-pass".toCharArray(), Set.of(Role.ADMIN)))
        .isInstanceOf(InvalidAccountException.class)
        .hasMessageContaining("already taken")
        .extracting(e -> ((InvalidAccountException) e).field())
        .isEqualTo("username");
  }
}
