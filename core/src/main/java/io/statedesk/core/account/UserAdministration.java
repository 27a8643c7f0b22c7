package io.statedesk.core.account;

import io.statedesk.core.audit.AuditAction;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.problem.Text;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What admins do with console users: list, create, reset a password, change roles, enable or
 * disable. Every method checks the caller (admins only), whatever page or request calls it, and
 * every change is audited (never with a password).
 *
 * <p>LDAP users ({@link AccountSource#LDAP}) keep their password and roles in the directory; here
 * only their name, teams and enabled flag change.
 *
 * <p>Two rules keep a site from locking itself out: an admin cannot take the ADMIN role from, or
 * disable, the last enabled admin, and cannot disable themselves.
 */
@ApplicationScoped
public class UserAdministration {

  @PersistenceContext(unitName = "statedesk")
  EntityManager em;

  @Inject UserAccounts accounts;
  @Inject PasswordHashing hashing;
  @Inject TeamScope teams;
  @Inject AuditLog audit;
  @Inject Caller caller;
  @Inject Event<SecurityStamps.AccountChanged> changed;

  /**
   * Of a user's {@code teams}, those no agent of the directory is in, if the user is a supervisor
   * ({@code roles}); otherwise none, since only a supervisor's teams scope anything. Why a question
   * of its own and not a refusal: a team kept from before may have left the directory, and a new
   * console has no directory yet; but such a team is most often a typo, and its supervisor would
   * see nothing, so the page says so at once rather than leave it to the supervisor to notice.
   */
  public Set<String> teamsWithoutAgents(Set<Role> roles, Collection<String> teams) {
    caller.require(Role.ADMIN);
    if (!roles.contains(Role.SUPERVISOR)) {
      return Set.of();
    }
    Set<String> without = new TreeSet<>(teams);
    without.removeAll(this.teams.knownTeams());
    return without;
  }

  /** Every user, by user name. */
  @Transactional
  public List<UserView> list() {
    caller.require(Role.ADMIN);
    return em.createQuery("select u from UserAccount u", UserAccount.class).getResultList().stream()
        .sorted(Comparator.comparing(UserAccount::getUsername))
        .map(this::view)
        .toList();
  }

  /**
   * Creates a user with roles and (for supervisors) teams.
   *
   * @throws InvalidAccountException naming the field that breaks a rule
   */
  @Transactional
  public UserView create(
      String username, String displayName, char[] password, Set<Role> roles, Set<String> team) {
    caller.require(Role.ADMIN);
    requireRoles(roles);
    UserAccount account = accounts.create(username, displayName, password, roles);
    Arrays.fill(password, '\0');
    audit.record(
        caller.name(), AuditAction.USER_CREATED, "user " + username, "roles " + roles, null);
    if (roles.contains(Role.SUPERVISOR) && !team.isEmpty()) {
      teams.assign(username, team);
    }
    return view(account);
  }

  /**
   * Sets a new password (the admin tells the user by a channel of their own).
   *
   * @throws InvalidAccountException for an unknown user or a too short password
   */
  @Transactional
  public void resetPassword(String username, char[] password) {
    caller.require(Role.ADMIN);
    UserAccount account = existing(username);
    if (account.getSource() == AccountSource.LDAP) {
      throw new InvalidAccountException("password", Text.of("user.ldap.password", username));
    }
    if (password == null || password.length < 8) {
      throw new InvalidAccountException("password", Text.of("user.password.length"));
    }
    account.changePassword(hashing.hash(password), Instant.now());
    Arrays.fill(password, '\0');
    audit.record(caller.name(), AuditAction.USER_PASSWORD_RESET, "user " + username, null, null);
    changed.fire(new SecurityStamps.AccountChanged(username));
  }

  /**
   * Changes a user's name, roles and enabled flag, and (for supervisors) teams.
   *
   * @throws InvalidAccountException for an unknown user, no role, or a change that would leave no
   *     enabled admin
   */
  @Transactional
  public UserView update(
      String username, String displayName, Set<Role> roles, boolean enabled, Set<String> team) {
    caller.require(Role.ADMIN);
    requireRoles(roles);
    UserAccount account = existing(username);
    if (displayName == null || displayName.isBlank() || displayName.length() > 100) {
      throw new InvalidAccountException("displayName", Text.of("user.displayName.length"));
    }
    if (username.equals(caller.name()) && !enabled) {
      throw new InvalidAccountException("enabled", Text.of("user.disable.self"));
    }
    boolean staysAdmin = roles.contains(Role.ADMIN) && enabled;
    if (account.getRoles().contains(Role.ADMIN)
        && account.isEnabled()
        && !staysAdmin
        && enabledAdmins() <= 1) {
      throw new InvalidAccountException("roles", Text.of("user.lastAdmin", username));
    }
    if (account.getSource() == AccountSource.LDAP
        && !account.getDisplayName().equals(displayName.strip())) {
      throw new InvalidAccountException("displayName", Text.of("user.ldap.name", username));
    }
    if (account.getSource() == AccountSource.LDAP && !account.getRoles().equals(roles)) {
      throw new InvalidAccountException("roles", Text.of("user.ldap.roles", username));
    }
    Instant now = Instant.now();
    Set<Role> before = account.getRoles();
    long stampBefore = account.getSecurityStamp();
    if (!before.equals(roles)) {
      account.changeRoles(roles, now);
      audit.record(
          caller.name(),
          AuditAction.USER_ROLES_CHANGED,
          "user " + username,
          "before " + new TreeSet<>(before) + " after " + new TreeSet<>(roles),
          null);
    }
    if (account.isEnabled() != enabled) {
      account.changeEnabled(enabled, now);
      audit.record(
          caller.name(),
          enabled ? AuditAction.USER_ENABLED : AuditAction.USER_DISABLED,
          "user " + username,
          null,
          null);
    }
    if (!account.getDisplayName().equals(displayName.strip())) {
      account.changeDisplayName(displayName.strip(), now);
    }
    if (account.getSecurityStamp() != stampBefore) {
      changed.fire(new SecurityStamps.AccountChanged(username));
    }
    Set<String> wanted = roles.contains(Role.SUPERVISOR) ? team : Set.of();
    if (!teams.teamsOf(username).equals(new TreeSet<>(wanted))) {
      teams.assign(username, wanted);
    }
    return view(account);
  }

  private void requireRoles(Set<Role> roles) {
    if (roles == null || roles.isEmpty()) {
      throw new InvalidAccountException("roles", Text.of("user.roles.none"));
    }
    if (roles.contains(Role.RELAY)) {
      throw new InvalidAccountException("roles", Text.of("user.roles.relay"));
    }
  }

  private long enabledAdmins() {
    return em
        .createQuery("select u from UserAccount u where u.enabled = true", UserAccount.class)
        .getResultList()
        .stream()
        .filter(u -> u.getRoles().contains(Role.ADMIN))
        .count();
  }

  private UserAccount existing(String username) {
    return accounts
        .find(username)
        .orElseThrow(
            () -> new InvalidAccountException("username", Text.of("user.notFound", username)));
  }

  private UserView view(UserAccount u) {
    return new UserView(
        u.getUsername(),
        u.getDisplayName(),
        u.getRoles().isEmpty() ? EnumSet.noneOf(Role.class) : u.getRoles(),
        new TreeSet<>(teams.teamsOf(u.getUsername())),
        u.isEnabled(),
        u.getCreatedAt(),
        u.getSource());
  }
}
