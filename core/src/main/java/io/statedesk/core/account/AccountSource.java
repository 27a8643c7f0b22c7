package io.statedesk.core.account;

/** Where a console user's password and roles are kept. */
public enum AccountSource {
  /** In StateDesk's own database: admins set the password and the roles. */
  DATABASE,
  /**
   * In the LDAP directory ({@link LdapIdentityStore}): the password is checked there and the roles
   * follow the user's LDAP groups at every sign-in; StateDesk keeps the teams and the enabled flag.
   */
  LDAP
}
