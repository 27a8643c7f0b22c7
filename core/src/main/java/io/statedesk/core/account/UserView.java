package io.statedesk.core.account;

import io.statedesk.core.security.Role;
import java.io.Serializable;
import java.time.Instant;
import java.util.Set;

/** A console user as the admin pages show it: never the password hash. */
public record UserView(
    String username,
    String displayName,
    Set<Role> roles,
    Set<String> teams,
    boolean enabled,
    Instant createdAt,
    AccountSource source)
    implements Serializable {

  public boolean admin() {
    return roles.contains(Role.ADMIN);
  }

  /** Password and roles kept in LDAP: admins set only teams and the enabled flag. */
  public boolean ldap() {
    return source == AccountSource.LDAP;
  }

  public boolean supervisor() {
    return roles.contains(Role.SUPERVISOR);
  }
}
