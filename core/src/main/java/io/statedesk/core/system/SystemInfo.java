package io.statedesk.core.system;

import io.statedesk.core.account.DemoUsers;
import io.statedesk.core.account.LdapIdentityStore;
import io.statedesk.core.bulk.BulkEngine;
import io.statedesk.core.directory.DirectorySync;
import io.statedesk.core.gateway.GatewaySettings;
import io.statedesk.core.persistence.Database;
import io.statedesk.core.persistence.SchemaMigration;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.health.Readiness;

/** Reads the {@link SystemStatus}; only admins may. */
@ApplicationScoped
public class SystemInfo {

  /** {@code jdbc:<driver>://host[:port]/database}: the part an admin may see. */
  private static final Pattern SERVER_URL =
      Pattern.compile("^jdbc:[a-z0-9]+(?::[a-z0-9]+)?://([^/?;]+)(/[^?;]*)?.*$");

  @Inject Database database;

  @Inject SchemaMigration schema;
  @Inject DemoUsers demo;
  @Inject Caller caller;
  @Inject GatewaySettings gateway;
  @Inject @Readiness ConsoleReadiness readiness;
  @Inject BulkEngine bulk;
  @Inject LdapIdentityStore ldap;
  @Inject DirectorySync sync;

  /**
   * The current status.
   *
   * @param serverInfo what the servlet container says it is (the caller knows, core does not)
   * @throws io.statedesk.core.security.AccessDeniedException unless the caller is an admin
   */
  public SystemStatus status(String serverInfo) {
    caller.require(Role.ADMIN);
    String product;
    String location;
    try (Connection connection = database.dataSource().getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
      location = location(meta.getURL());
    } catch (SQLException e) {
      product = "unreachable";
      location = "";
    }
    return new SystemStatus(
        version(),
        product,
        location,
        schema.currentVersion(),
        demo.isEnabled(),
        System.getProperty("java.version"),
        serverInfo,
        gateway.url(),
        readiness.gatewayReachable(),
        bulk.gatewayBreaker(),
        ldap.address(),
        ldap.reachable(),
        sync.status());
  }

  /** The build's version, from the file the build fills in; "unknown" if it is missing. */
  static String version() {
    try (InputStream in = SystemInfo.class.getResourceAsStream("version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      String v = p.getProperty("version", "unknown");
      return v.startsWith("${") ? "unknown" : v;
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * Where the database is, fit for a page: a server's host, port and database name, or "embedded"
   * for a file or in-memory database (whose path is not shown). Never a user or password.
   */
  static String location(String jdbcUrl) {
    if (jdbcUrl == null) {
      return "";
    }
    Matcher m = SERVER_URL.matcher(jdbcUrl);
    if (!m.matches()) {
      return "embedded";
    }
    String host = m.group(1).replaceAll("^[^@]*@", "");
    // an H2 server's "database" is a file path on that server: its host only
    return jdbcUrl.startsWith("jdbc:h2:") || m.group(2) == null ? host : host + m.group(2);
  }
}
