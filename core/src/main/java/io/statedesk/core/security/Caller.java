package io.statedesk.core.security;

import io.statedesk.core.problem.Text;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The user on whose behalf a core service runs.
 *
 * <p>Wraps Jakarta Security's {@link SecurityContext} so that services state their rule in one line
 * ({@code caller.require(Role.ADMIN)}) and so that tests can see one seam for authorization.
 */
@RequestScoped
public class Caller {

  private final SecurityContext security;

  @Inject
  public Caller(SecurityContext security) {
    this.security = security;
  }

  /** For CDI proxies only. */
  protected Caller() {
    this.security = null;
  }

  /** The user name, or {@code null} when nobody is signed in. */
  public String name() {
    return isAuthenticated() ? security.getCallerPrincipal().getName() : null;
  }

  /**
   * Whether a StateDesk user (or relay client) is signed in: a caller principal holding at least
   * one of StateDesk's roles.
   *
   * <p>Why not just "principal is not null": WildFly (Elytron) answers an unauthenticated request's
   * {@code getCallerPrincipal()} with an {@code anonymous} principal, where Payara answers null. A
   * principal without any of our roles can do nothing here, so both servers mean the same.
   */
  public boolean isAuthenticated() {
    Principal principal = security.getCallerPrincipal();
    return principal != null && !roles().isEmpty();
  }

  public boolean has(Role role) {
    return security.isCallerInRole(role.name());
  }

  /** The caller's roles among StateDesk's. */
  public Set<Role> roles() {
    return Arrays.stream(Role.values())
        .filter(this::has)
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Role.class)));
  }

  /**
   * Fails unless the caller holds one of {@code roles}.
   *
   * @throws AccessDeniedException naming the roles that would have been needed
   */
  public void require(Role... roles) {
    for (Role role : roles) {
      if (has(role)) {
        return;
      }
    }
    String needed = Arrays.stream(roles).map(Role::name).collect(Collectors.joining(" or "));
    throw new AccessDeniedException(
        isAuthenticated()
            ? Text.of("access.role.user", name(), needed)
            : Text.of("access.role.anonymous", needed));
  }
}
