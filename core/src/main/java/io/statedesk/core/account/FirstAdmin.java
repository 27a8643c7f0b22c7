package io.statedesk.core.account;

import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The production installation's one-time step: the first admin account.
 *
 * <p>A production configuration has no default password, so the first admin comes from the
 * operator: {@code statedesk.security.first-admin.username} and a file holding the password ({@code
 * statedesk.security.first-admin.password-file}, readable only by the server's user; the password
 * never sits in a configuration value, an environment or a log). At start, and only while no admin
 * exists, the console creates that admin and says so; afterwards the two settings are ignored and
 * the file can (and should) be deleted. Everything else happens on the admin pages.
 */
@ApplicationScoped
public class FirstAdmin {

  private static final Logger LOG = Logger.getLogger(FirstAdmin.class.getName());

  @Inject
  @ConfigProperty(name = "statedesk.security.first-admin.username")
  Optional<String> username;

  @Inject
  @ConfigProperty(name = "statedesk.security.first-admin.password-file")
  Optional<String> passwordFile;

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject UserAccounts accounts;
  @Inject AuditLog audit;

  /** Settings that cannot work: one named, the other not, or an unreadable file. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    if (username.isPresent() != passwordFile.isPresent()) {
      problems.add(
          "statedesk.security.first-admin.username and"
              + " statedesk.security.first-admin.password-file go together: set both or neither");
    }
    passwordFile.ifPresent(
        f -> {
          if (!Files.isReadable(Path.of(f))) {
            problems.add(
                "statedesk.security.first-admin.password-file '" + f + "' is not a readable file");
          }
        });
    return problems;
  }

  /**
   * Creates the first admin if none exists and the step is configured; otherwise says what to do.
   */
  @Transactional
  public void ensure(boolean demo) {
    boolean adminExists =
        em
            .createQuery("select u from UserAccount u where u.enabled = true", UserAccount.class)
            .getResultList()
            .stream()
            .anyMatch(u -> u.getRoles().contains(Role.ADMIN));
    if (adminExists) {
      if (username.isPresent()) {
        LOG.info(
            "An admin exists: statedesk.security.first-admin.* is ignored; delete the password file"
                + " and the settings.");
      }
      return;
    }
    if (username.isEmpty()) {
      if (!demo) {
        LOG.warning(
            "No admin account exists. Create the first one: set"
                + " statedesk.security.first-admin.username and"
                + " statedesk.security.first-admin.password-file (a file with the password) and"
                + " restart (docs/src/security.md).");
      }
      return;
    }
    char[] password;
    try {
      password =
          Files.readString(Path.of(passwordFile.orElseThrow()), StandardCharsets.UTF_8)
              .strip()
              .toCharArray();
    } catch (IOException e) {
      throw new IllegalStateException(
          "statedesk.security.first-admin.password-file cannot be read: " + e.getMessage(), e);
    }
    accounts.create(username.get(), username.get(), password, Set.of(Role.ADMIN));
    Arrays.fill(password, '\0');
    audit.record("system", AuditAction.USER_CREATED, "user " + username.get(), "first admin", null);
    LOG.info(
        "First admin '"
            + username.get()
            + "' created. Delete the password file and the statedesk.security.first-admin.*"
            + " settings now.");
  }
}
