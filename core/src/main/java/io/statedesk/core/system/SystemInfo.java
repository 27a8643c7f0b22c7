package io.statedesk.core.system;

import io.statedesk.core.account.DemoUsers;
import io.statedesk.core.persistence.Database;
import io.statedesk.core.persistence.SchemaMigration;
import io.statedesk.core.security.Caller;
import io.statedesk.core.security.Role;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

/** Reads the {@link SystemStatus}; only admins may. */
@ApplicationScoped
public class SystemInfo {

  @Inject Database database;

  @Inject SchemaMigration schema;
  @Inject DemoUsers demo;
  @Inject Caller caller;

  /**
   * The current status.
   *
   * @param serverInfo what the servlet container says it is (the caller knows, core does not)
   * @throws io.statedesk.core.security.AccessDeniedException unless the caller is an admin
   */
  public SystemStatus status(String serverInfo) {
    caller.require(Role.ADMIN);
    String product;
    String url;
    try (Connection connection = database.dataSource().getConnection()) {
      DatabaseMetaData meta = connection.getMetaData();
      product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
      url = withoutCredentials(meta.getURL());
    } catch (SQLException e) {
      product = "unreachable: " + e.getMessage();
      url = "";
    }
    return new SystemStatus(
        product,
        url,
        schema.currentVersion(),
        demo.isEnabled(),
        System.getProperty("java.version"),
        serverInfo);
  }

  /** JDBC URLs can carry {@code password=...}; an admin page must not show it. */
  static String withoutCredentials(String jdbcUrl) {
    if (jdbcUrl == null) {
      return "";
    }
    return jdbcUrl.replaceAll("(?i)(password|user)=[^;&]*", "$1=***");
  }
}
