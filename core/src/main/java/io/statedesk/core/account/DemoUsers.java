package io.statedesk.core.account;

import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The demo users of the embedded default, created only when {@code statedesk.demo.enabled=true}.
 *
 * <p>The production configuration leaves that switch off, so no installation outside the demo ever
 * has an account with a published password. An existing demo account is left alone, so a password
 * changed in the demo survives a restart.
 */
@ApplicationScoped
public class DemoUsers {

  private static final Logger LOG = Logger.getLogger(DemoUsers.class.getName());

  /** A demo user as documented in the README. */
  public record DemoUser(String username, String password, String displayName, Role role) {}

  /** Exactly the users the README states. */
  public static final List<DemoUser> USERS =
      List.of(
          new DemoUser("admin", "admin-demo", "Demo Admin", Role.ADMIN),
          new DemoUser("alice", "alice-demo", "Alice (supervisor)", Role.SUPERVISOR),
          new DemoUser("bob", "bob-demo", "Bob (supervisor)", Role.SUPERVISOR));

  @Inject
  @ConfigProperty(name = "statedesk.demo.enabled", defaultValue = "false")
  boolean demoEnabled;

  @Inject UserAccounts accounts;
  @Inject TeamScope teams;

  /** Creates the missing demo users when the demo configuration is on; otherwise does nothing. */
  public void seed() {
    if (!demoEnabled) {
      return;
    }
    for (DemoUser user : USERS) {
      if (accounts.find(user.username()).isEmpty()) {
        accounts.create(
            user.username(),
            user.displayName(),
            user.password().toCharArray(),
            Set.of(user.role()));
      }
    }
    // The simulator's groups (docs/src/simulator.md): alice and bob lead different teams.
    teams.seed("alice", List.of("Billing", "Technical Support", "Chinese Desk"));
    teams.seed("bob", List.of("Sales", "Retention", "Back Office"));
    LOG.info(
        "Demo configuration on: users admin (ADMIN), alice and bob (SUPERVISOR), with the demo"
            + " passwords stated in the README. Never enable statedesk.demo.enabled in production.");
  }

  public boolean isEnabled() {
    return demoEnabled;
  }
}
