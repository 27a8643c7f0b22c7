package io.statedesk.core.persistence;

import io.statedesk.core.account.DemoUsers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Everything core must do once before the console serves its first request, in order: migrate the
 * schema, then seed demo data (demo configuration only).
 *
 * <p>Triggered by the web module's servlet context listener rather than a CDI start-up observer:
 * Payara fails the deployment when a library jar's CDI bean is initialised during CDI's own
 * start-up event and injects a persistence context or JNDI resource, while a servlet context
 * listener runs once the module's naming environment is complete (WAR on Payara Micro, EAR on
 * Payara Server and WildFly alike).
 */
@ApplicationScoped
public class ApplicationStartup {

  @Inject SchemaMigration schema;
  @Inject DemoUsers demoUsers;

  /** Runs the start-up steps; safe to call again. */
  public void run() {
    schema.migrate();
    demoUsers.seed();
  }
}
