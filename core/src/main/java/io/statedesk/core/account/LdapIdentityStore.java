package io.statedesk.core.account;

import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import io.statedesk.core.security.ConfiguredSecrets;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The optional second identity store: console users kept in an LDAP directory, switched on by
 * setting {@code statedesk.security.ldap.url}.
 *
 * <p>The directory checks the password and its groups decide the roles ({@code admin-groups},
 * {@code supervisor-groups}), at every sign-in. StateDesk keeps a row per LDAP user (created at the
 * first sign-in, source {@link AccountSource#LDAP}) so that admins can give supervisors their teams
 * and disable someone locally, exactly as for database users.
 *
 * <p>A CDI identity store rather than {@code @LdapIdentityStoreDefinition}: the annotation cannot
 * be switched off by configuration, maps groups to roles only one-to-one, and could not keep the
 * local row that carries teams. Two safety rules: a name that belongs to a database user is never
 * checked against LDAP (an LDAP entry cannot take over the local admin), and an empty password is
 * refused before any bind.
 */
@ApplicationScoped
public class LdapIdentityStore implements IdentityStore {

  private static final Logger LOG = Logger.getLogger(LdapIdentityStore.class.getName());
  private static final String P = LdapSettings.PREFIX;

  // no defaultValue = "" anywhere: MicroProfile Config takes an empty default for "missing" and
  // fails the deployment when the key is not set; optional keys are Optional

  @Inject
  @ConfigProperty(name = P + "url")
  Optional<String> url;

  @Inject
  @ConfigProperty(name = P + "bind-dn")
  Optional<String> bindDn;

  /** Clear text or sealed ({@code ENC(...)}, see {@link ConfiguredSecrets}). */
  @Inject
  @ConfigProperty(name = P + "bind-password")
  Optional<String> bindPassword;

  @Inject
  @ConfigProperty(name = P + "user-base-dn")
  Optional<String> userBaseDn;

  @Inject
  @ConfigProperty(
      name = P + "user-filter",
      defaultValue = "(&(objectClass=inetOrgPerson)(uid={0}))")
  String userFilter;

  @Inject
  @ConfigProperty(name = P + "display-name-attribute", defaultValue = "cn")
  String displayNameAttribute;

  @Inject
  @ConfigProperty(name = P + "group-base-dn")
  Optional<String> groupBaseDn;

  @Inject
  @ConfigProperty(
      name = P + "group-filter",
      defaultValue = "(&(objectClass=groupOfNames)(member={1}))")
  String groupFilter;

  @Inject
  @ConfigProperty(name = P + "group-name-attribute", defaultValue = "cn")
  String groupNameAttribute;

  @Inject
  @ConfigProperty(name = P + "admin-groups")
  Optional<String> adminGroups;

  @Inject
  @ConfigProperty(name = P + "supervisor-groups")
  Optional<String> supervisorGroups;

  @Inject
  @ConfigProperty(name = P + "timeout-ms", defaultValue = "5000")
  long timeoutMs;

  @Inject ConfiguredSecrets secrets;
  @Inject UserAccounts accounts;

  /** Whether LDAP sign-in is configured at all. */
  public boolean enabled() {
    return url.filter(u -> !u.isBlank()).isPresent();
  }

  /** What is wrong with the LDAP settings; empty when fine or LDAP is off. */
  public List<String> problems() {
    if (!enabled()) {
      return List.of();
    }
    List<String> problems = new ArrayList<>(settings(bindPassword).problems());
    problems.addAll(secrets.problems(P + "bind-password", bindPassword));
    return problems;
  }

  /**
   * The directory's address as {@code ldap://host:port} (no bind DN, no password), for the admin's
   * System page; empty when LDAP is off or the URL does not parse.
   */
  public Optional<String> address() {
    return parsedUrl().map(u -> u.getScheme() + "://" + u.getHost() + ":" + u.getPort());
  }

  /**
   * Whether the directory accepts a TCP connection now (empty when LDAP is off): the health board
   * asks this rather than waiting for the next sign-in to fail. Only connects, never binds, so no
   * credential is used and no failed bind is logged at the directory.
   */
  public Optional<Boolean> reachable() {
    return parsedUrl()
        .map(
            u -> {
              try (Socket socket = new Socket()) {
                socket.connect(
                    new InetSocketAddress(u.getHost(), u.getPort()),
                    (int) Math.min(timeoutMs, 3000));
                return true;
              } catch (IOException | RuntimeException e) {
                return false;
              }
            });
  }

  private Optional<LDAPURL> parsedUrl() {
    if (!enabled()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new LDAPURL(url.get().strip()));
    } catch (LDAPException e) {
      return Optional.empty();
    }
  }

  @Override
  public int priority() {
    return 200; // after the database store (100): local accounts are decided there
  }

  /**
   * Both types when on: a store that only validates has the groups of its results dropped by the
   * default identity store handler (found on Payara: signed in, but with no role).
   */
  @Override
  public Set<ValidationType> validationTypes() {
    return enabled()
        ? EnumSet.of(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS)
        : EnumSet.noneOf(ValidationType.class);
  }

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!enabled() || !(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    String username = login.getCaller();
    Optional<UserAccount> local = accounts.find(username);
    if (local.isPresent() && local.get().getSource() != AccountSource.LDAP) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    if (local.isEmpty()
        && !UserAccounts.USERNAME.matcher(username == null ? "" : username).matches()) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    LdapSettings settings = settings(bindPassword.map(p -> secrets.open(P + "bind-password", p)));
    Optional<LdapDirectory.LdapUser> user;
    try {
      user = new LdapDirectory(settings).authenticate(username, login.getPassword().getValue());
    } catch (LdapDirectory.UnavailableException e) {
      LOG.warning("LDAP sign-in of '" + username + "' could not be checked: " + e.getMessage());
      return CredentialValidationResult.INVALID_RESULT;
    }
    if (user.isEmpty()) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    Set<Role> roles = settings.rolesFor(user.get().groups());
    Optional<UserAccount> account =
        accounts.recordLdapSignIn(username, user.get().displayName(), roles);
    if (roles.isEmpty() || account.isEmpty() || !account.get().isEnabled()) {
      LOG.info(
          "LDAP user '"
              + username
              + "' refused: "
              + (roles.isEmpty()
                  ? "in none of the StateDesk groups " + settings.roleGroups().values()
                  : "disabled in StateDesk"));
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(
        username, roles.stream().map(Role::name).collect(Collectors.toSet()));
  }

  LdapSettings settings(Optional<String> password) {
    Map<Role, Set<String>> groups = new EnumMap<>(Role.class);
    groups.put(Role.ADMIN, names(adminGroups.orElse("")));
    groups.put(Role.SUPERVISOR, names(supervisorGroups.orElse("")));
    return new LdapSettings(
        url.orElse("").strip(),
        bindDn.filter(d -> !d.isBlank()),
        password.filter(p -> !p.isEmpty()),
        userBaseDn.orElse("").strip(),
        userFilter.strip(),
        displayNameAttribute.strip(),
        groupBaseDn.orElse("").strip(),
        groupFilter.strip(),
        groupNameAttribute.strip(),
        groups,
        Duration.ofMillis(timeoutMs));
  }

  private static Set<String> names(String list) {
    return Arrays.stream(list.split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .collect(Collectors.toCollection(() -> new TreeSet<>(String.CASE_INSENSITIVE_ORDER)));
  }
}
