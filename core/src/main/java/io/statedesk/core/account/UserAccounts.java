package io.statedesk.core.account;

import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Creates and looks up console users, and checks their passwords.
 *
 * <p>The admin pages for users arrive with the security issue; today this service serves the
 * identity store and the demo seeding.
 */
@ApplicationScoped
public class UserAccounts {

  /** Letters, digits, dot, dash, underscore; 2..64 characters. */
  static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{2,64}");

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject PasswordHashing hashing;

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
      throw new InvalidAccountException(
          "username", "must be 2 to 64 letters, digits, dots, dashes or underscores");
    }
    if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
      throw new InvalidAccountException("displayName", "must be 1 to 100 characters");
    }
    if (password == null || password.length < 8) {
      throw new InvalidAccountException("password", "must be at least 8 characters");
    }
    if (find(username).isPresent()) {
      throw new InvalidAccountException("username", "'" + username + "' is already taken");
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
    Optional<UserAccount> account = find(username).filter(UserAccount::isEnabled);
    if (account.isEmpty()) {
      hashing.matches(password, decoy());
      return Optional.empty();
    }
    return hashing.matches(password, account.get().getPasswordHash()) ? account : Optional.empty();
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
