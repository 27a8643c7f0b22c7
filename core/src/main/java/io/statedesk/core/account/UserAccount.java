package io.statedesk.core.account;

import io.statedesk.core.security.Role;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * A person (or relay client) who can sign in to the console.
 *
 * <p>Ids come from a sequence, never {@code IDENTITY}: identity columns break on EclipseLink + H2.
 */
@Entity
@Table(name = "user_account")
@NamedQuery(
    name = UserAccount.BY_USERNAME,
    query = "select u from UserAccount u where u.username = :username")
public class UserAccount {

  static final String BY_USERNAME = "UserAccount.byUsername";

  @Id
  @SequenceGenerator(
      name = "user_account_seq",
      sequenceName = "user_account_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "user_account_seq")
  private Long id;

  @Column(nullable = false, unique = true, length = 64)
  private String username;

  @Column(name = "display_name", nullable = false, length = 100)
  private String displayName;

  @Column(name = "password_hash", nullable = false, length = 512)
  private String passwordHash;

  @Column(nullable = false)
  private boolean enabled = true;

  @Column(name = "account_source", nullable = false, length = 10)
  @Enumerated(EnumType.STRING)
  private AccountSource source = AccountSource.DATABASE;

  @ElementCollection(fetch = FetchType.EAGER)
  @CollectionTable(name = "user_account_role", joinColumns = @JoinColumn(name = "user_id"))
  @Column(name = "role", length = 20)
  @Enumerated(EnumType.STRING)
  private Set<Role> roles = EnumSet.noneOf(Role.class);

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  /**
   * Changes whenever the roles, the enabled flag or the password change, so that sessions and
   * cached credentials made before can tell that they are stale ({@link SecurityStamps}).
   */
  @Column(name = "security_stamp", nullable = false)
  private long securityStamp;

  @Version private long version;

  protected UserAccount() {}

  UserAccount(
      String username, String displayName, String passwordHash, Set<Role> roles, Instant now) {
    this.username = username;
    this.displayName = displayName;
    this.passwordHash = passwordHash;
    this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
    this.createdAt = now;
    this.updatedAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getUsername() {
    return username;
  }

  public String getDisplayName() {
    return displayName;
  }

  String getPasswordHash() {
    return passwordHash;
  }

  public boolean isEnabled() {
    return enabled;
  }

  public AccountSource getSource() {
    return source;
  }

  public Set<Role> getRoles() {
    return roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public long getSecurityStamp() {
    return securityStamp;
  }

  public long getVersion() {
    return version;
  }

  void changePassword(String hash, Instant now) {
    this.passwordHash = hash;
    this.securityStamp++;
    this.updatedAt = now;
  }

  void changeRoles(Set<Role> newRoles, Instant now) {
    this.roles = newRoles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(newRoles);
    this.securityStamp++;
    this.updatedAt = now;
  }

  void changeEnabled(boolean on, Instant now) {
    this.enabled = on;
    this.securityStamp++;
    this.updatedAt = now;
  }

  /** An account whose password and roles are kept in LDAP; its own hash never matches. */
  static UserAccount fromLdap(String username, String displayName, Set<Role> roles, Instant now) {
    UserAccount account = new UserAccount(username, displayName, LDAP_PASSWORD_MARKER, roles, now);
    account.source = AccountSource.LDAP;
    return account;
  }

  /** Not a PBKDF2 hash: {@link UserAccounts#authenticate} never checks LDAP accounts' hashes. */
  static final String LDAP_PASSWORD_MARKER = "!ldap";

  void changeDisplayName(String name, Instant now) {
    this.displayName = name;
    this.updatedAt = now;
  }
}
