package io.statedesk.core.system;

import io.statedesk.core.directory.SyncStatus;
import java.util.Optional;

/**
 * A snapshot of the running console, for the admin's System page. Holds no file path: a data
 * directory or an H2 file's location says nothing an admin acts on in the page and tells a looker
 * where the data lies.
 *
 * @param version the console's build version
 * @param databaseProduct e.g. "H2 2.2.224" or "PostgreSQL 15.8"
 * @param databaseLocation "embedded" for a file or in-memory database, else the server's host, port
 *     and database name (never a user or password)
 * @param schemaVersion the Flyway version applied
 * @param demoMode whether demo users and demo data are enabled
 * @param javaVersion the JVM's version
 * @param serverInfo the application server's name and version
 * @param gatewayUrl the CC-Gateway's base URL
 * @param gatewayReachable whether it accepted a TCP connection just now
 * @param gatewayBreaker the bulk engine's circuit breaker: CLOSED, OPEN or HALF_OPEN
 * @param ldapAddress {@code ldap://host:port} when LDAP sign-in is on; empty when off
 * @param ldapReachable whether the directory accepted a TCP connection; empty when LDAP is off
 * @param sync the gateway directory sync: settings, last attempt and last success
 */
public record SystemStatus(
    String version,
    String databaseProduct,
    String databaseLocation,
    String schemaVersion,
    boolean demoMode,
    String javaVersion,
    String serverInfo,
    String gatewayUrl,
    boolean gatewayReachable,
    String gatewayBreaker,
    Optional<String> ldapAddress,
    Optional<Boolean> ldapReachable,
    SyncStatus sync) {}
