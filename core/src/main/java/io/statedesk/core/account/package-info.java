/**
 * Console user accounts: who can sign in to StateDesk, with which roles.
 *
 * <p>Owns the {@code user_account} table, password hashing, the database identity store that
 * Jakarta Security consults at sign-in, and the demo users that exist only when the demo
 * configuration ({@code statedesk.demo.enabled=true}) is on.
 */
package io.statedesk.core.account;
