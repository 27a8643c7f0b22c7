package io.statedesk.web;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The tests that start servers of their own (a console to kill and restart, two consoles with a
 * database and a load balancer) run one at a time across the two test JVMs (failsafe's {@code
 * forkCount} in web/pom.xml): a class with this extension holds a file lock in {@code target/}
 * while it runs. Together with each other and a shared console's tests, they made 2 cores so busy
 * that a schedule reverted 53 s late; one of them beside the other JVM's tests is what the machine
 * takes.
 */
public final class OwnServers implements BeforeAllCallback, AfterAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(OwnServers.class);

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    Path file = Path.of(System.getProperty("own-servers.lock", "target/own-servers.lock"));
    Files.createDirectories(file.toAbsolutePath().getParent());
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    long asked = System.nanoTime();
    FileLock lock = channel.lock(); // waits while the other JVM's own-server test runs
    long waited = (System.nanoTime() - asked) / 1_000_000_000L;
    if (waited > 0) {
      System.out.printf(
          "%s waited %d s for the other test JVM's own servers%n",
          context.getRequiredTestClass().getSimpleName(), waited);
    }
    context.getStore(NAMESPACE).put("lock", lock);
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    FileLock lock = context.getStore(NAMESPACE).remove("lock", FileLock.class);
    if (lock != null) {
      lock.release();
      lock.channel().close();
    }
  }
}
