package io.statedesk.core.account;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import io.statedesk.core.security.Role;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How to find and check console users in an LDAP directory ({@code statedesk.security.ldap.*}).
 *
 * <p>Filters are templates: {@code {0}} is the user name typed at sign-in, {@code {1}} (group
 * filter only) the user's DN. Both are escaped before they are put in, so a user name like {@code
 * *)(uid=*} matches nobody instead of everybody.
 *
 * @param url {@code ldap://host:389} or {@code ldaps://host:636} (TLS with the JVM's trust store)
 * @param bindDn the search account's DN; empty = anonymous search
 * @param bindPassword the search account's password (already opened if it was sealed)
 * @param userBaseDn where users are searched (subtree)
 * @param userFilter e.g. {@code (&(objectClass=inetOrgPerson)(uid={0}))}
 * @param displayNameAttribute the attribute shown as the user's name, e.g. {@code cn}
 * @param groupBaseDn where groups are searched (subtree)
 * @param groupFilter e.g. {@code (&(objectClass=groupOfNames)(member={1}))}
 * @param groupNameAttribute the attribute that names a group, e.g. {@code cn}
 * @param roleGroups for each role, the group names that grant it
 * @param timeout connect and response timeout of each LDAP operation
 */
public record LdapSettings(
    String url,
    Optional<String> bindDn,
    Optional<String> bindPassword,
    String userBaseDn,
    String userFilter,
    String displayNameAttribute,
    String groupBaseDn,
    String groupFilter,
    String groupNameAttribute,
    Map<Role, Set<String>> roleGroups,
    Duration timeout) {

  static final String PREFIX = "statedesk.security.ldap.";

  /** What is wrong, one line per setting; empty when the settings can work. */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    try {
      LDAPURL parsed = new LDAPURL(url);
      if (!parsed.getScheme().equals("ldap") && !parsed.getScheme().equals("ldaps")) {
        problems.add(PREFIX + "url must be ldap://host:port or ldaps://host:port, was " + url);
      }
    } catch (LDAPException e) {
      problems.add(PREFIX + "url must be ldap://host:port or ldaps://host:port, was " + url);
    }
    checkDn(problems, "user-base-dn", userBaseDn);
    checkDn(problems, "group-base-dn", groupBaseDn);
    bindDn.ifPresent(dn -> checkDn(problems, "bind-dn", dn));
    if (bindDn.isPresent() != bindPassword.isPresent()) {
      problems.add(
          PREFIX + "bind-dn and " + PREFIX + "bind-password go together: set both or neither");
    }
    if (!userFilter.contains("{0}")) {
      problems.add(PREFIX + "user-filter must contain {0} (the user name), was " + userFilter);
    }
    if (!groupFilter.contains("{0}") && !groupFilter.contains("{1}")) {
      problems.add(
          PREFIX
              + "group-filter must contain {1} (the user's DN) or {0} (the user name), was "
              + groupFilter);
    }
    if (roleGroups.values().stream().allMatch(Set::isEmpty)) {
      problems.add(
          PREFIX
              + "admin-groups and "
              + PREFIX
              + "supervisor-groups are both empty: no LDAP user could ever sign in");
    }
    if (timeout.isNegative() || timeout.isZero()) {
      problems.add(PREFIX + "timeout-ms must be positive");
    }
    return problems;
  }

  private static void checkDn(List<String> problems, String key, String value) {
    if (value == null || value.isBlank() || !DN.isValidDN(value)) {
      problems.add(
          PREFIX
              + key
              + " must be a distinguished name (e.g. ou=people,dc=example,dc=com), was '"
              + value
              + "'");
    }
  }

  /** The roles that {@code groups} grant. */
  public Set<Role> rolesFor(Set<String> groups) {
    Set<Role> roles = EnumSet.noneOf(Role.class);
    roleGroups.forEach(
        (role, names) -> {
          if (names.stream().anyMatch(n -> groups.stream().anyMatch(g -> g.equalsIgnoreCase(n)))) {
            roles.add(role);
          }
        });
    return roles;
  }
}
