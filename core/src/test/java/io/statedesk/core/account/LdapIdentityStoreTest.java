package io.statedesk.core.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.security.ConfiguredSecrets;
import io.statedesk.core.security.Role;
import io.statedesk.testkit.Ldap;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.CredentialValidationResult.Status;
import jakarta.security.enterprise.identitystore.IdentityStore.ValidationType;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The identity store's rules, with the accounts table replaced by a map. */
class LdapIdentityStoreTest {

  static Ldap ldap;

  @BeforeAll
  static void start() {
    ldap = Ldap.start();
  }

  @AfterAll
  static void stop() {
    ldap.close();
  }

  /** The user_account table as a map. */
  static final class Accounts extends UserAccounts {
    final Map<String, UserAccount> rows = new HashMap<>();

    @Override
    public Optional<UserAccount> find(String username) {
      return Optional.ofNullable(rows.get(username));
    }

    @Override
    public Optional<UserAccount> recordLdapSignIn(String username, String name, Set<Role> roles) {
      UserAccount row = rows.get(username);
      if (row == null) {
        if (roles.isEmpty()) {
          return Optional.empty();
        }
        row = UserAccount.fromLdap(username, name, roles, Instant.now());
        rows.put(username, row);
      } else if (row.getSource() != AccountSource.LDAP) {
        return Optional.empty();
      } else {
        row.changeRoles(roles, Instant.now());
      }
      return Optional.of(row);
    }
  }

  Accounts accounts;
  LdapIdentityStore store;

  @BeforeEach
  void store() {
    accounts = new Accounts();
    accounts.rows.put(
        "admin",
        new UserAccount("admin", "Local Admin", "hash", Set.of(Role.ADMIN), Instant.now()));
    store = new LdapIdentityStore();
    store.accounts = accounts;
    store.secrets = new ConfiguredSecrets(Optional.empty());
    Map<String, String> s = ldap.consoleSettings();
    store.url = Optional.of(s.get("statedesk.security.ldap.url"));
    store.bindDn = Optional.of(s.get("statedesk.security.ldap.bind-dn"));
    store.bindPassword = Optional.of(s.get("statedesk.security.ldap.bind-password"));
    store.userBaseDn = Optional.of(s.get("statedesk.security.ldap.user-base-dn"));
    store.userFilter = "(&(objectClass=inetOrgPerson)(uid={0}))";
    store.displayNameAttribute = "cn";
    store.groupBaseDn = Optional.of(s.get("statedesk.security.ldap.group-base-dn"));
    store.groupFilter = "(&(objectClass=groupOfNames)(member={1}))";
    store.groupNameAttribute = "cn";
    store.adminGroups = Optional.of(s.get("statedesk.security.ldap.admin-groups"));
    store.supervisorGroups = Optional.of(s.get("statedesk.security.ldap.supervisor-groups"));
    store.timeoutMs = 2000;
  }

  CredentialValidationResult signIn(String user, String password) {
    return store.validate(new UsernamePasswordCredential(user, password));
  }

  @Test
  void aGroupMemberSignsInWithTheRoleOfTheGroupAndGetsARow() {
    assertThat(store.problems()).isEmpty();
    CredentialValidationResult dave = signIn("dave", "dave-ldap");
    assertThat(dave.getStatus()).isEqualTo(Status.VALID);
    assertThat(dave.getCallerGroups()).containsExactly("SUPERVISOR");
    assertThat(accounts.rows.get("dave").getSource()).isEqualTo(AccountSource.LDAP);
    assertThat(accounts.rows.get("dave").getDisplayName()).isEqualTo("Dave Supervisor");
  }

  @Test
  void someoneInNoStateDeskGroupIsRefusedAndGetsNoRow() {
    assertThat(signIn("erin", "erin-ldap").getStatus()).isEqualTo(Status.INVALID);
    assertThat(accounts.rows).doesNotContainKey("erin");
  }

  @Test
  void leavingTheGroupsTakesTheRolesAwayAtTheNextSignIn() {
    assertThat(signIn("dave", "dave-ldap").getStatus()).isEqualTo(Status.VALID);
    ldap.membership("statedesk-supervisors", "dave", false);
    try {
      assertThat(signIn("dave", "dave-ldap").getStatus()).isEqualTo(Status.INVALID);
      assertThat(accounts.rows.get("dave").getRoles()).isEmpty();
    } finally {
      ldap.membership("statedesk-supervisors", "dave", true);
    }
  }

  @Test
  void aNameOfADatabaseUserIsNeverCheckedAgainstLdap() {
    // the LDAP entry "admin" is in statedesk-admins, with a password of its own
    assertThat(signIn("admin", "admin-ldap").getStatus()).isEqualTo(Status.NOT_VALIDATED);
  }

  @Test
  void aLocallyDisabledLdapUserIsRefused() {
    assertThat(signIn("carol", "carol-ldap").getStatus()).isEqualTo(Status.VALID);
    accounts.rows.get("carol").changeEnabled(false, Instant.now());
    assertThat(signIn("carol", "carol-ldap").getStatus()).isEqualTo(Status.INVALID);
  }

  @Test
  void aWrongPasswordOrAnUnreachableDirectoryIsRefused() {
    assertThat(signIn("carol", "wrong").getStatus()).isEqualTo(Status.INVALID);
    store.url = Optional.of("ldap://127.0.0.1:1");
    assertThat(signIn("carol", "carol-ldap").getStatus()).isEqualTo(Status.INVALID);
  }

  @Test
  void withoutAUrlTheStoreIsOff() {
    store.url = Optional.empty();
    assertThat(store.validationTypes()).isEmpty();
    assertThat(store.problems()).isEmpty();
    assertThat(signIn("carol", "carol-ldap").getStatus()).isEqualTo(Status.NOT_VALIDATED);
    store.url = Optional.of(ldap.url());
    // PROVIDE_GROUPS too, or the handler would drop the groups of our results (no roles)
    assertThat(store.validationTypes())
        .containsExactlyInAnyOrder(ValidationType.VALIDATE, ValidationType.PROVIDE_GROUPS);
  }
}
