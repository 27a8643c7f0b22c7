package io.statedesk.core.testlaunch;

import io.statedesk.testkit.Postgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * For the failsafe execution {@code persistence-on-postgresql} (system property {@code
 * statedesk.test.database=postgresql}): starts a throw-away PostgreSQL before the first test and
 * points every Payara Micro that Arquillian starts at it, the way an operator would: the driver
 * added with {@code --addlibs}, a connection pool and the platform default datasource re-pointed by
 * a post-boot command file. The persistence tests themselves are unchanged.
 *
 * <p>Where the PostgreSQL package is missing the run fails, saying so: the execution was asked for
 * explicitly, and a silent skip would claim a test that never ran.
 */
public class PostgresForTests implements LauncherSessionListener {

  private Postgres postgres;

  @Override
  public void launcherSessionOpened(LauncherSession session) {
    if (!"postgresql".equals(System.getProperty("statedesk.test.database"))) {
      return;
    }
    postgres = Postgres.start();
    Path bootCommands =
        Path.of(
            System.getProperty("java.io.tmpdir"), "statedesk-pg-" + postgres.port() + ".asadmin");
    try {
      Files.writeString(
          bootCommands,
          "create-jdbc-connection-pool --datasourceclassname=org.postgresql.ds.PGSimpleDataSource"
              + " --restype=javax.sql.DataSource --property=serverName=localhost:portNumber="
              + postgres.port()
              + ":databaseName="
              + Postgres.DATABASE
              + ":user="
              + Postgres.USER
              // the pool wants a password even where the server trusts loopback
              + ":password=statedesk StateDeskPool\n"
              + "set resources.jdbc-resource.jdbc/__default.pool-name=StateDeskPool\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    String jar = System.getProperty("postgresql.jar");
    System.setProperty(
        "payara.extraMicroOptions",
        System.getProperty("payara.extraMicroOptions", "")
            + " --addlibs "
            + jar
            + " --postbootcommandfile "
            + bootCommands);
    System.out.println("Persistence tests on PostgreSQL at " + postgres.jdbcUrl());
  }

  @Override
  public void launcherSessionClosed(LauncherSession session) {
    if (postgres != null) {
      postgres.close();
    }
  }
}
