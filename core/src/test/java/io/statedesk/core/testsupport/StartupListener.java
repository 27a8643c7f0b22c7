package io.statedesk.core.testsupport;

import io.statedesk.core.startup.ConsoleStartup;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Starts core in an Arquillian deployment the way the console's own listener does in the WAR:
 * migrations first, then demo seeding.
 */
@WebListener
public class StartupListener implements ServletContextListener {

  @Inject ConsoleStartup startup;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    startup.run();
  }
}
