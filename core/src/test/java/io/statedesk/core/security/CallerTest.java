package io.statedesk.core.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.security.Principal;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallerTest {

  /** A security context for one user with fixed roles. */
  record FixedSecurity(String user, Set<String> roles) implements SecurityContext {
    @Override
    public Principal getCallerPrincipal() {
      return user == null ? null : () -> user;
    }

    @Override
    public <T extends Principal> Set<T> getPrincipalsByType(Class<T> type) {
      return Set.of();
    }

    @Override
    public boolean isCallerInRole(String role) {
      return roles.contains(role);
    }

    @Override
    public boolean hasAccessToWebResource(String resource, String... methods) {
      return false;
    }

    @Override
    public AuthenticationStatus authenticate(
        HttpServletRequest request,
        HttpServletResponse response,
        AuthenticationParameters parameters) {
      throw new UnsupportedOperationException();
    }
  }

  @Test
  void requirePassesWithAnyOfTheRoles() {
    Caller caller = new Caller(new FixedSecurity("alice", Set.of("SUPERVISOR")));
    caller.require(Role.ADMIN, Role.SUPERVISOR);
    assertThat(caller.roles()).containsExactly(Role.SUPERVISOR);
    assertThat(caller.name()).isEqualTo("alice");
  }

  @Test
  void requireRefusesNamingUserAndRole() {
    Caller caller = new Caller(new FixedSecurity("alice", Set.of("SUPERVISOR")));
    assertThatThrownBy(() -> caller.require(Role.ADMIN))
        .isInstanceOf(AccessDeniedException.class)
        .hasMessage("User 'alice' needs role ADMIN");
  }

  @Test
  void anonymousCallerIsRefused() {
    Caller caller = new Caller(new FixedSecurity(null, Set.of()));
    assertThat(caller.isAuthenticated()).isFalse();
    assertThatThrownBy(() -> caller.require(Role.SUPERVISOR))
        .hasMessage("An anonymous caller needs role SUPERVISOR");
  }

  @Test
  void wildFlysAnonymousPrincipalIsNobody() {
    // WildFly answers an unauthenticated request with a principal named "anonymous" and no roles
    Caller caller = new Caller(new FixedSecurity("anonymous", Set.of()));
    assertThat(caller.isAuthenticated()).isFalse();
    assertThat(caller.name()).isNull();
    assertThatThrownBy(() -> caller.require(Role.ADMIN))
        .hasMessage("An anonymous caller needs role ADMIN");
  }
}
