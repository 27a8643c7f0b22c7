package io.statedesk.core.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a subclass of an Arquillian persistence test that repeats every test of its parent on a
 * real PostgreSQL instead of the embedded H2: its deployment says so ({@link
 * io.statedesk.core.Deployments}), and its server is started with the driver and a post-boot
 * command file that re-point the platform default datasource, the way an operator does ({@link
 * io.statedesk.core.testlaunch.OneServerPerDeployment}, {@link
 * io.statedesk.core.testlaunch.PostgresForTests}). The parent must register {@link TestDatabase}.
 *
 * <p>Why a class per database and not a second failsafe execution: the classes then run in the same
 * JVMs as the H2 ones, beside the five-minute endurance test, instead of after it (about two
 * minutes of the suite's wall time, docs/src/testing.md). Skip them with {@code -DskipPostgresql}
 * where the PostgreSQL package cannot be had.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface OnPostgresql {}
