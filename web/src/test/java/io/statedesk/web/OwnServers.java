package io.statedesk.web;

/**
 * The tests that start servers of their own (a console to kill and restart, two consoles with a
 * database and a load balancer) run beside the shared-console tests, one at a time: the lock they
 * hold ({@code @ResourceLock(OwnServers.LOCK)}). Together, the two and the shared console made 2
 * cores so busy that a schedule reverted 53 s late.
 */
public final class OwnServers {

  /** The JUnit resource lock of the tests with servers of their own. */
  public static final String LOCK = "statedesk.own-servers";

  private OwnServers() {}
}
