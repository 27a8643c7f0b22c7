package io.statedesk.core.testing;

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
 * On PostgreSQL the classes of both test JVMs share one database, so two classes whose consoles run
 * the bulk engine on the same agents (BulkChangeIT and ChangeCountersIT: agents 10001 and up, each
 * with a server and a simulator of its own) must not run at once: each console's engine, desired
 * states and cluster holds would act on the other's changes. With this extension (registered before
 * Arquillian's, so the lock is held before its server starts and released after it stops) they take
 * turns through a file lock in {@code target/}. On H2 each of them has a database of its own and
 * they run side by side. Found when a new run order put them side by side on PostgreSQL:
 * BulkChangeIT's changes ended with a fraction of their agents succeeded.
 */
public final class DatabaseTurns implements BeforeAllCallback, AfterAllCallback {

  private static final ExtensionContext.Namespace NAMESPACE =
      ExtensionContext.Namespace.create(DatabaseTurns.class);

  private static boolean sharedDatabase() {
    return "postgresql".equals(System.getProperty("statedesk.test.database"));
  }

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (!sharedDatabase()) {
      return;
    }
    Path file = Path.of("target", "database-turns.lock");
    Files.createDirectories(file.toAbsolutePath().getParent());
    FileChannel channel =
        FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    long asked = System.nanoTime();
    FileLock lock = channel.lock(); // waits while the other JVM's class has its turn
    long waited = (System.nanoTime() - asked) / 1_000_000_000L;
    if (waited > 0) {
      System.out.printf(
          "%s waited %d s for its turn on the shared database%n",
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
