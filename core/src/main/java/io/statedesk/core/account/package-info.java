/**
 * Console user accounts: who can sign in to StateDesk, with which roles, and for supervisors which
 * teams (gateway groups, by name) they are responsible for. Core services ask {@link TeamScope}
 * which teams the caller may see and act on; admins see all. Teams live here, not in a package of
 * their own, because they are part of an account (assigned with it, ended with it) and a separate
 * package could only be reached through this one and back.
 *
 * <p>Owns the {@code user_account} table, password hashing, the database identity store that
 * Jakarta Security consults at sign-in, and the demo users that exist only when the demo
 * configuration ({@code statedesk.demo.enabled=true}) is on.
 */
package io.statedesk.core.account;
