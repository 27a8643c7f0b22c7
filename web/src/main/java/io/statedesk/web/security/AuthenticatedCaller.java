package io.statedesk.web.security;

import java.io.Serializable;
import java.util.Set;

/**
 * Who signed in to this HTTP session through the login page, their groups (role names), and the
 * account's security stamp at sign-in: a request whose account stamp differs ends the session.
 *
 * @param name the user name
 * @param groups the role names, e.g. {@code ["SUPERVISOR"]}
 * @param stamp the account's security stamp when the session signed in
 */
record AuthenticatedCaller(String name, Set<String> groups, long stamp) implements Serializable {

  AuthenticatedCaller {
    groups = Set.copyOf(groups);
  }
}
