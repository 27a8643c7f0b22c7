package io.statedesk.web.security;

import java.io.Serializable;
import java.util.Set;

/**
 * Who signed in to this HTTP session through the login page, and their groups (role names).
 *
 * @param name the user name
 * @param groups the role names, e.g. {@code ["SUPERVISOR"]}
 */
record AuthenticatedCaller(String name, Set<String> groups) implements Serializable {

  AuthenticatedCaller {
    groups = Set.copyOf(groups);
  }
}
