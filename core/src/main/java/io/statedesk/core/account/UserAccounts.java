package io.statedesk.core.account;

import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.problem.Text;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Creates and looks up console users, and checks their passwords.
 *
 * <p>The rules of one account (name, password, LDAP rows); what admins may do with them, and the
 * caller checks, are in {@link UserAdministration}.
 */
@ApplicationScoped
public class UserAccounts {

  /** Letters, digits, dot, dash, underscore; 2..64 characters. */
  static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject PasswordHashing hashing;
  @Inject AuditLog audit;
  @Inject Event<SecurityStamps.AccountChanged> changed;

  private final Clock clock = Clock.systemUTC();

  /** A dummy hash computed once, so that an unknown user costs as much time as a wrong password. */
  private volatile String timingDecoy;

  public Optional<UserAccount> find(String username) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      return Optional.empty();
    }
    return em.createNamedQuery(UserAccount.BY_USERNAME, UserAccount.class)
        .setParameter("username", username)
        .getResultStream()
        .findFirst();
  }

  /**
   * Creates a user.
   *
   * @throws InvalidAccountException if the user name is malformed, taken, or the password empty
   */
  @Transactional
  public UserAccount create(String username, String displayName, char[] password, Set<Role> roles) {
    if (username == null || !USERNAME.matcher(username).matches()) {
      throw new InvalidAccountException("username", Text.of("user.username.format"));
    }
    if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
      throw new InvalidAccountException("displayName", Text.of("user.displayName.length"));
    }
    if (password == null || password.length < 8) {
      throw new InvalidAccountException("password", Text.of("user.password.length"));
    }
    if (find(username).isPresent()) {
      throw new InvalidAccountException("username", Text.of("user.username.taken", username));
    }
    UserAccount account =
        new UserAccount(
            username, displayName.strip(), hashing.hash(password), roles, clock.instant());
    em.persist(account);
    return account;
  }

  /**
   * The enabled account whose password matches, if any.
   *
   * <p>Spends one hash computation whether or not the user exists, so response time does not tell
   * an attacker which user names are real.
   */
  public Optional<UserAccount> authenticate(String username, char[] password) {
    Optional<UserAccount> account =
        find(username)
            .filter(UserAccount::isEnabled)
            .filter(a -> a.getSource() == AccountSource.DATABASE); // LDAP: LdapIdentityStore
    if (account.isEmpty()) {
      hashing.matches(password, decoy());
      return Optional.empty();
    }
    return hashing.matches(password, account.get().getPasswordHash()) ? account : Optional.empty();
  }

  /**
   * Records a sign-in that the LDAP directory accepted: creates the user's row at the first one,
   * and brings the display name and roles in line with the directory at every later one (audited
   * when the roles change). Someone in none of StateDesk's groups gets no row; one who left them
   * keeps their row (teams, history) with no roles.
   *
   * @return the row, or empty if there is none (no roles yet) or the name is a database user's
   */
  @Transactional
  public Optional<UserAccount> recordLdapSignIn(
      String username, String displayName, Set<Role> roles) {
    String name = displayName.length() > 100 ? displayName.substring(0, 100) : displayName;
    Optional<UserAccount> existing = find(username);
    if (existing.isPresent()) {
      UserAccount account = existing.get();
      if (account.getSource() != AccountSource.LDAP) {
        return Optional.empty();
      }
      if (!account.getRoles().equals(roles)) {
        audit.record(
            "ldap",
            AuditAction.USER_ROLES_CHANGED,
            "user " + username,
            "before "
                + new TreeSet<>(account.getRoles())
                + " after "
                + new TreeSet<>(roles)
                + " (LDAP groups)",
            null);
        account.changeRoles(roles, clock.instant());
        changed.fire(new SecurityStamps.AccountChanged(username));
      }
      if (!account.getDisplayName().equals(name)) {
        account.changeDisplayName(name, clock.instant());
      }
      return Optional.of(account);
    }
    if (roles.isEmpty()) {
      return Optional.empty();
    }
    UserAccount account = UserAccount.fromLdap(username, name, roles, clock.instant());
    em.persist(account);
    audit.record(
        "ldap",
        AuditAction.USER_CREATED,
        "user " + username,
        "roles " + new TreeSet<>(roles) + " (LDAP, first sign-in)",
        null);
    return Optional.of(account);
  }

  private String decoy() {
    String d = timingDecoy;
    if (d == null) {
      d = hashing.hash("statedesk-timing-decoy".toCharArray());
      timingDecoy = d;
    }
    return d;
  }
}
