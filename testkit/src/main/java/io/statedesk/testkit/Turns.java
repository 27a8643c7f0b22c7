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

  /** A turn held: closing it lets the other JVM's class have its turn. */
  public interface Turn extends AutoCloseable {
    @Override
    void close() throws IOException;
  }

  /**
   * Waits for the lock in {@code file} and holds it until the class ends; says how long it waited.
   *
   * @param waitingFor what the wait was for, as the printed line says it
   */
  public static void take(ExtensionContext context, Path file, String waitingFor)
      throws IOException {
    Turn turn = hold(file, context.getRequiredTestClass().getSimpleName(), waitingFor);
    ExtensionContext.Store.CloseableResource release = turn::close;
    context.getStore(NAMESPACE).put("turn", release);
  }

  /**
   * Waits for the lock in {@code file} and holds it until the turn is closed; says how long {@code
   * who} waited. For a class that prepares what needs no turn (a gateway stand-in) before it waits.
   */
  public static Turn hold(Path file, String who, String waitingFor) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    long asked = System.nanoTime();
    FileLock lock = channel.lock(); // waits while the other JVM's class has its turn
    long waited = (System.nanoTime() - asked) / 1_000_000_000L;
    if (waited > 0) {
      System.out.printf("%s waited %d s for %s%n", who, waited, waitingFor);
    }
    return () -> {
      lock.release();
      channel.close();
    };
  }
}
