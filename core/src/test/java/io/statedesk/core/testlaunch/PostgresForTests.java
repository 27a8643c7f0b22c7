package io.statedesk.core.testlaunch;

import io.statedesk.testkit.Postgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The PostgreSQL of this test JVM, for the classes marked {@link
 * io.statedesk.core.testing.OnPostgresql}: a throw-away server started when the first such class
 * deploys, a database of its own for each Payara Micro started on it, and the options that point
 * that server at it the way an operator would (the driver added with {@code --addlibs}, a
 * connection pool and the platform default datasource re-pointed by a post-boot command file). The
 * persistence tests themselves are unchanged.
 *
 * <p>A database per server, as each server on H2 has its own: every console runs the bulk engine,
 * the desired-state pass and the cluster's holds over the whole database, so two consoles on one
 * database act on each other's changes. When the shared PostgreSQL consoles and a bulk class's
 * console shared one, the bulk class's changes ended with a fraction of their agents succeeded.
 * Stopped when the JVM's test session ends.
 *
 * <p>Where the PostgreSQL package is missing such a class fails, saying so: a silent skip would
 * claim a test that never ran. {@code -DskipPostgresql} leaves those classes out.
 */
public class PostgresForTests implements LauncherSessionListener {

  private static Postgres postgres;
  private static int databases;

  /**
   * The extra Payara Micro options of a server on a new database of this JVM's PostgreSQL (the
   * server started on first use).
   */
  static synchronized String serverOptions() {
    if (postgres == null) {
      postgres = Postgres.start();
      System.out.println(
          "Classes on PostgreSQL in this JVM use the server at " + postgres.jdbcUrl());
    }
    String database = Postgres.DATABASE + "_" + ++databases;
    postgres.createDatabase(database);
    Path bootCommands =
        Path.of(
            System.getProperty("java.io.tmpdir"),
            "statedesk-pg-" + postgres.port() + "-" + database + ".asadmin");
    try {
      Files.writeString(
          bootCommands,
          "create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource"
              + " --restype=javax.sql.DataSource --property=serverName=localhost:portNumber="
              + postgres.port()
              + ":databaseName="
              + database
              + ":user="
              + Postgres.USER
              // the pool wants a password even where the server trusts loopback
              + ":password=statedesk StateDeskPool\n"
              + "set resources.jdbc-resource.jdbc/__default.pool-name=StateDeskPool\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return " --addlibs "
        + System.getProperty("postgresql.jar")
        + " --postbootcommandfile "
        + bootCommands;
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    synchronized (PostgresForTests.class) {
      if (postgres != null) {
        postgres.close();
        postgres = null;
      }
    }
  }
}
