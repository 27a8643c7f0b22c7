package io.statedesk.core.system;

/**
 * A snapshot of the running console, for the admin's System page.
 *
 * @param databaseProduct e.g. "H2 2.2.224" or "PostgreSQL 15.8"
 * @param databaseUrl the JDBC URL without user or password
 * @param schemaVersion the Flyway version applied
 * @param demoMode whether demo users and demo data are enabled
 * @param javaVersion the JVM's version
 * @param serverInfo the application server's name and version
 */
public record SystemStatus(
    String databaseProduct,
    String databaseUrl,
    String schemaVersion,
    boolean demoMode,
    String javaVersion,
    String serverInfo) {}
