package io.statedesk.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statedesk.core.Deployments;
import io.statedesk.core.audit.AuditLog;
import io.statedesk.core.security.AccessDeniedException;
import io.statedesk.core.security.Role;
import io.statedesk.core.testsupport.TestCaller;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A production configuration (no demo users): the first admin comes from the one-time step, and
 * admins manage users; nobody else may, and the last admin cannot lock the site out.
 */
@ExtendWith(ArquillianExtension.class)
class UserAdministrationIT {

  @Deployment
  static WebArchive deployment() {
    try {
      Path file = Files.createTempFile("first-admin", ".txt");
      Files.writeString(file, "first-admin-pass-42\n");
      return Deployments.core(
          "statedesk.security.first-admin.username=root-admin\n"
              + "statedesk.security.first-admin.password-file="
              + file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Inject UserAdministration users;
  @Inject DatabaseIdentityStore identityStore;
  @Inject AuditLog audit;
  @Inject TeamScope teams;

  @BeforeEach
  void asAdmin() {
    TestCaller.as("root-admin", Role.ADMIN);
  }

  static CredentialValidationResult.Status check(DatabaseIdentityStore store, String u, String p) {
    return store.validate(new UsernamePasswordCredential(u, p)).getStatus();
  }

  @Test
  void theFirstAdminComesFromTheOneTimeStepAndNoDemoUserExists() {
    assertThat(check(identityStore, "root-admin", "first-admin-pass-42"))
        .isEqualTo(CredentialValidationResult.Status.VALID);
    assertThat(check(identityStore, "admin", "admin-demo"))
        .isEqualTo(CredentialValidationResult.Status.INVALID);
    assertThat(users.list()).extracting(UserView::username).contains("root-admin");
    assertThat(audit.about("user root-admin", 10))
        .anySatisfy(e -> assertThat(e.getDetail()).isEqualTo("first admin"));
  }

  @Test
  void anAdminCreatesASupervisorWithTeamsResetsAndDisables() {
    users.create(
        "dora",
        "Dora Lee",
        "dora-pass-123".toCharArray(),
        Set.of(Role.SUPERVISOR),
        Set.of("Sales", "Retention"));
    UserView dora =
        users.list().stream().filter(u -> u.username().equals("dora")).findFirst().orElseThrow();
    assertThat(dora.teams()).containsExactly("Retention", "Sales");
    assertThat(check(identityStore, "dora", "dora-pass-123"))
        .isEqualTo(CredentialValidationResult.Status.VALID);

    users.resetPassword("dora", "new-dora-pass".toCharArray());
    assertThat(check(identityStore, "dora", "dora-pass-123"))
        .isEqualTo(CredentialValidationResult.Status.INVALID);
    assertThat(check(identityStore, "dora", "new-dora-pass"))
        .isEqualTo(CredentialValidationResult.Status.VALID);

    users.update("dora", "Dora Lee", Set.of(Role.SUPERVISOR), false, Set.of("Sales"));
    assertThat(check(identityStore, "dora", "new-dora-pass"))
        .isEqualTo(CredentialValidationResult.Status.INVALID);
    assertThat(audit.about("user dora", 20))
        .extracting(e -> e.getAction())
        .contains("user.created", "user.password.reset", "user.disabled", "user.teams.assigned");
    // no password, in clear or hashed, in the audit trail
    assertThat(audit.about("user dora", 20))
        .noneSatisfy(e -> assertThat(String.valueOf(e.getDetail())).contains("pass"));
  }

  @Test
  void badInputIsRefusedNamingTheField() {
    assertThatThrownBy(
            () ->
                users.create(
                    "x y", "X", "long-enough-1".toCharArray(), Set.of(Role.SUPERVISOR), Set.of()))
        .extracting(e -> ((InvalidAccountException) e).field())
        .isEqualTo("username");
    assertThatThrownBy(
            () -> users.create("erin", "Erin", "short".toCharArray(), Set.of(Role.ADMIN), Set.of()))
        .extracting(e -> ((InvalidAccountException) e).field())
        .isEqualTo("password");
    assertThatThrownBy(
            () -> users.create("erin", "Erin", "long-enough-1".toCharArray(), Set.of(), Set.of()))
        .extracting(e -> ((InvalidAccountException) e).field())
        .isEqualTo("roles");
    assertThatThrownBy(
            () ->
                users.create(
                    "erin", "Erin", "long-enough-1".toCharArray(), Set.of(Role.RELAY), Set.of()))
        .hasMessageContaining("relay clients");
  }

  @Test
  void theLastAdminCannotBeDemotedOrDisabled() {
    assertThatThrownBy(
            () -> users.update("root-admin", "Root", Set.of(Role.SUPERVISOR), true, Set.of()))
        .isInstanceOf(InvalidAccountException.class)
        .hasMessageContaining("last enabled admin");
    assertThatThrownBy(
            () -> users.update("root-admin", "Root", Set.of(Role.ADMIN), false, Set.of()))
        .hasMessageContaining("cannot disable your own account");
  }

  /** The page's warning after a save: which of a supervisor's teams no agent is in. */
  @Test
  void theTeamsNoAgentIsInAreNamedForASupervisorOnly() {
    Set<String> asked = new TreeSet<>(teams.knownTeams());
    asked.add("Nobody Works Here");
    assertThat(users.teamsWithoutAgents(Set.of(Role.SUPERVISOR), asked))
        .containsExactly("Nobody Works Here");
    assertThat(users.teamsWithoutAgents(Set.of(Role.ADMIN), asked)).isEmpty();
    TestCaller.as("sam", Role.SUPERVISOR);
    assertThatThrownBy(() -> users.teamsWithoutAgents(Set.of(Role.SUPERVISOR), asked))
        .isInstanceOf(AccessDeniedException.class);
  }

  @Test
  void onlyAdminsManageUsers() {
    TestCaller.as("sam", Role.SUPERVISOR);
    assertThatThrownBy(() -> users.list()).isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(
            () ->
                users.create(
                    "mallory", "M", "mallory-pass".toCharArray(), Set.of(Role.ADMIN), Set.of()))
        .isInstanceOf(AccessDeniedException.class);
    assertThatThrownBy(() -> users.resetPassword("root-admin", "taken-over-1".toCharArray()))
        .isInstanceOf(AccessDeniedException.class);
    TestCaller.as("root-admin", Role.ADMIN);
    assertThat(users.list()).extracting(UserView::username).doesNotContain("mallory");
    assertThat(check(identityStore, "root-admin", "first-admin-pass-42"))
        .isEqualTo(CredentialValidationResult.Status.VALID);
  }
}
