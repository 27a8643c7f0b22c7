package io.statedesk.core.testing;

import io.statedesk.testkit.Turns;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * On PostgreSQL the classes of both test JVMs share one database, so two classes whose consoles run
 * the bulk engine on the same agents (BulkChangeIT and ChangeCountersIT: agents 10001 and up, each
 * with a server and a simulator of its own) must not run at once: each console's engine, desired
 * states and cluster holds would act on the other's changes. With this extension (registered before
 * Arquillian's, so the lock is held before its server starts; released after it stops) they take
 * turns through a file lock in {@code target/}. On H2 each of them has a database of its own and
 * they run side by side. Found when a new run order put them side by side on PostgreSQL:
 * BulkChangeIT's changes ended with a fraction of their agents succeeded.
 */
public final class DatabaseTurns implements BeforeAllCallback {

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if ("postgresql".equals(System.getProperty("statedesk.test.database"))) {
      Turns.take(
          context, Path.of("target", "database-turns.lock"), "its turn on the shared database");
    }
  }
}
