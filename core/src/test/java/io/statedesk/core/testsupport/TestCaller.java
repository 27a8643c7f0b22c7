package io.statedesk.core.testsupport;

import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Alternative;
import java.util.EnumSet;
import java.util.Set;

/**
 * The caller in Arquillian tests: a user name and roles set per thread with {@link #as}, so that
 * core's own authorization checks run unchanged without a login.
 */
@Alternative
@Priority(1)
@Dependent
public class TestCaller extends Caller {

  private static final ThreadLocal<String> NAME = new ThreadLocal<>();
  private static final ThreadLocal<Set<Role>> ROLES =
      ThreadLocal.withInitial(() -> EnumSet.noneOf(Role.class));

  /** Acts as {@code name} with {@code roles} on this thread until the next call. */
  public static void as(String name, Role... roles) {
    NAME.set(name);
    ROLES.set(roles.length == 0 ? EnumSet.noneOf(Role.class) : EnumSet.of(roles[0], roles));
  }

  @Override
  public String name() {
    return NAME.get();
  }

  @Override
  public boolean isAuthenticated() {
    return NAME.get() != null;
  }

  @Override
  public boolean has(Role role) {
    return ROLES.get().contains(role);
  }
}
