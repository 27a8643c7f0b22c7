package io.statedesk.web;

import io.statedesk.testkit.Turns;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The tests that start servers of their own (a console to kill and restart, two consoles with a
 * database and a load balancer) run one at a time across the two test JVMs (failsafe's {@code
 * forkCount} in web/pom.xml): a class with this extension holds a file lock in {@code target/}
 * while it runs. Together with each other and a shared console's tests, they made 2 cores so busy
 * that a schedule reverted 53 s late; one of them beside the other JVM's tests is what the machine
 * takes. A class that takes its turn inside its test ({@link #turn}) says so.
 */
public final class OwnServers implements BeforeAllCallback {

  private static final String WAITING_FOR = "the other test JVM's own servers";

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Turns.take(context, lockFile(), WAITING_FOR);
  }

  /**
   * The same turn, taken inside a test and held until closed: for a class that first starts what
   * loads the machine little (its gateway stand-in) while the other JVM's servers still run.
   */
  public static Turns.Turn turn(String who) throws IOException {
    return Turns.hold(lockFile(), who, WAITING_FOR);
  }

  private static Path lockFile() {
    return Path.of(System.getProperty("own-servers.lock", "target/own-servers.lock"));
  }
}
