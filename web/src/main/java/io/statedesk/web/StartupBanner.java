package io.statedesk.web;

import io.statedesk.core.persistence.InvalidConfigurationException;
import io.statedesk.core.startup.ConsoleStartup;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts core (schema migration, demo seeding) when the console module starts, then tells the
 * operator where to open the console.
 */
@WebListener
public class StartupBanner implements ServletContextListener {

  private static final Logger LOG = Logger.getLogger(StartupBanner.class.getName());

  @Inject ConsoleStartup startup;

  @Inject
  @ConfigProperty(name = "statedesk.public-url", defaultValue = "http://localhost:8080/statedesk/")
  String publicUrl;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    try {
      startup.run();
    } catch (InvalidConfigurationException e) {
      // one line an operator can act on, before the server's own stack trace of the failed deploy
      LOG.severe(e.getMessage());
      throw e;
    }
    LOG.info(() -> "StateDesk console is ready: open " + publicUrl + " and sign in.");
  }
}
