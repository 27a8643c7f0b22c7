package io.statedesk.core.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statedesk.core.security.Role;
import io.statedesk.testkit.Ldap;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The LDAP conversation against a real (in-memory) directory. */
class LdapDirectoryTest {

  static Ldap ldap;

  @BeforeAll
  static void start() {
    ldap = Ldap.start();
  }

  @AfterAll
  static void stop() {
    ldap.close();
  }

  static LdapSettings settings(String url, Optional<String> bindPassword) {
    return new LdapSettings(
        url,
        Optional.of(Ldap.BIND_DN),
        bindPassword,
        Ldap.BASE,
        "(&(objectClass=inetOrgPerson)(uid={0}))",
        "cn",
        "ou=groups," + Ldap.BASE,
        "(&(objectClass=groupOfNames)(member={1}))",
        "cn",
        Map.of(
            Role.ADMIN,
            Set.of("statedesk-admins"),
            Role.SUPERVISOR,
            Set.of("statedesk-supervisors")),
        Duration.ofSeconds(2));
  }

  LdapDirectory directory() {
    return new LdapDirectory(settings(ldap.url(), Optional.of(Ldap.BIND_PASSWORD)));
  }

  @Test
  void theRightPasswordGivesTheUserWithNameAndGroups() throws Exception {
    LdapDirectory.LdapUser carol =
        directory().authenticate("carol", "carol-ldap".toCharArray()).orElseThrow();
    assertThat(carol.dn()).isEqualTo("uid=carol,ou=people," + Ldap.BASE);
    assertThat(carol.displayName()).isEqualTo("Carol Admin");
    assertThat(carol.groups()).containsExactly("statedesk-admins");
    assertThat(settings(ldap.url(), Optional.empty()).rolesFor(carol.groups()))
        .containsExactly(Role.ADMIN);

    LdapDirectory.LdapUser erin =
        directory().authenticate("erin", "erin-ldap".toCharArray()).orElseThrow();
    assertThat(erin.groups()).isEmpty();
    assertThat(settings(ldap.url(), Optional.empty()).rolesFor(erin.groups())).isEmpty();
  }

  @Test
  void aWrongOrEmptyPasswordOrUnknownNameGivesNobody() throws Exception {
    assertThat(directory().authenticate("carol", "wrong".toCharArray())).isEmpty();
    assertThat(directory().authenticate("carol", new char[0])).isEmpty();
    assertThat(directory().authenticate("nobody", "nobody-ldap".toCharArray())).isEmpty();
  }

  @Test
  void filterInjectionAndAmbiguousNamesGiveNobody() throws Exception {
    // unescaped, "*" would match every uid and bind as the first entry found
    assertThat(directory().authenticate("*", "carol-ldap".toCharArray())).isEmpty();
    assertThat(directory().authenticate("carol)(uid=*", "carol-ldap".toCharArray())).isEmpty();
    // two entries answer to "twin": sign in neither
    assertThat(directory().authenticate("twin", "twin-ldap".toCharArray())).isEmpty();
  }

  @Test
  void anUnreachableDirectoryOrWrongSearchAccountIsUnavailableAndNeverShowsThePassword() {
    LdapDirectory down =
        new LdapDirectory(settings("ldap://127.0.0.1:1", Optional.of(Ldap.BIND_PASSWORD)));
    assertThatThrownBy(() -> down.authenticate("carol", "carol-ldap".toCharArray()))
        .isInstanceOf(LdapDirectory.UnavailableException.class)
        .hasMessageStartingWith("LDAP directory ldap://127.0.0.1:1: ")
        .hasMessageNotContaining("carol-ldap");

    LdapDirectory wrongBind =
        new LdapDirectory(settings(ldap.url(), Optional.of("not-the-password")));
    assertThatThrownBy(() -> wrongBind.authenticate("carol", "carol-ldap".toCharArray()))
        .isInstanceOf(LdapDirectory.UnavailableException.class)
        .hasMessageContaining("invalid credentials")
        .hasMessageNotContaining("not-the-password")
        .hasMessageNotContaining("carol-ldap");
  }

  @Test
  void settingsThatCannotWorkAreNamed() {
    LdapSettings broken =
        new LdapSettings(
            "http://ldap.example.com",
            Optional.of("not a dn"),
            Optional.empty(),
            "",
            "(uid=carol)",
            "cn",
            "ou=groups,dc=example,dc=com",
            "(objectClass=groupOfNames)",
            "cn",
            Map.of(Role.ADMIN, Set.of(), Role.SUPERVISOR, Set.of()),
            Duration.ZERO);
    assertThat(broken.problems())
        .anySatisfy(p -> assertThat(p).startsWith("statedesk.security.ldap.url must be ldap://"))
        .anySatisfy(p -> assertThat(p).startsWith("statedesk.security.ldap.user-base-dn must be"))
        .anySatisfy(p -> assertThat(p).startsWith("statedesk.security.ldap.bind-dn must be"))
        .anySatisfy(
            p ->
                assertThat(p)
                    .contains("bind-dn and statedesk.security.ldap.bind-password go together"))
        .anySatisfy(
            p -> assertThat(p).startsWith("statedesk.security.ldap.user-filter must contain {0}"))
        .anySatisfy(
            p -> assertThat(p).startsWith("statedesk.security.ldap.group-filter must contain {1}"))
        .anySatisfy(p -> assertThat(p).contains("no LDAP user could ever sign in"))
        .anySatisfy(p -> assertThat(p).contains("timeout-ms must be positive"));
    assertThat(settings("ldaps://ldap.example.com:636", Optional.of("x")).problems()).isEmpty();
  }
}
