/**
 * The database schema and its migrations.
 *
 * <p>Owns the Flyway run at start-up. Flyway rather than JPA schema generation because generated
 * DDL differs between EclipseLink (Payara) and Hibernate (WildFly), breaks on {@code IDENTITY}
 * columns with EclipseLink + H2, and cannot upgrade a production PostgreSQL database in place.
 */
package io.statedesk.core.persistence;
