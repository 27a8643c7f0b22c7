package io.statedesk.testkit;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Test classes of both failsafe JVMs that must not run at once take turns through a file lock: the
 * web tests with servers of their own, and on PostgreSQL the core classes whose consoles act on the
 * same agents. The lock is held for the whole class and released when its context closes, after
 * every after-all callback (Arquillian's server stop included).
 */
public final class Turns {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(Turns.class);

  private Turns() {}

  /**
   * Waits for the lock in {@code file} and holds it until the class ends; says how long it waited.
   *
   * @param waitingFor what the wait was for, as the printed line says it
   */
  public static void take(ExtensionContext context, Path file, String waitingFor)
      throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    long asked = System.nanoTime();
    FileLock lock = channel.lock(); // waits while the other JVM's class has its turn
    long waited = (System.nanoTime() - asked) / 1_000_000_000L;
    if (waited > 0) {
      System.out.printf(
          "%s waited %d s for %s%n",
          context.getRequiredTestClass().getSimpleName(), waited, waitingFor);
    }
    ExtensionContext.Store.CloseableResource release =
        () -> {
          lock.release();
          channel.close();
        };
    context.getStore(NAMESPACE).put("turn", release);
  }
}
