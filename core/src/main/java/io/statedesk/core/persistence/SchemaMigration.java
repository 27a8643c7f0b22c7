package io.statedesk.core.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema up to date before anything else touches it.
 *
 * <p>Run by {@code startup.ConsoleStartup} right after the settings check and before anything else
 * touches a table, so that seeding, the identity store and every feature find their tables.
 * Migrations are idempotent: running on an up-to-date schema does nothing, so start-up may run
 * again.
 */
@ApplicationScoped
public class SchemaMigration {

  private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

  @Inject Database database;

  private volatile String currentVersion = "none";

  /** Applies pending migrations; safe to call again. */
  public synchronized void migrate() {
    Flyway flyway =
        Flyway.configure(SchemaMigration.class.getClassLoader())
            .dataSource(database.dataSource())
            .locations("classpath:db/migration")
            .table("schema_history")
            .baselineOnMigrate(false)
            .load();
    MigrateResult result = flyway.migrate();
    MigrationInfo current = flyway.info().current();
    currentVersion = current == null ? "none" : current.getVersion().getVersion();
    LOG.info(
        () ->
            "Database schema at version "
                + currentVersion
                + " ("
                + result.migrationsExecuted
                + " migration(s) applied now)");
  }

  /** The schema version after the last migration, e.g. "1". */
  public String currentVersion() {
    return currentVersion;
  }
}
