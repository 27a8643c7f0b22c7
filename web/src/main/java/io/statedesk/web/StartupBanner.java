package io.statedesk.web;

import io.statedesk.core.startup.ConsoleStartup;
import io.statedesk.core.startup.InvalidConfigurationException;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Starts core ({@link ConsoleStartup}: settings check, schema migration, seeding, then the
 * sessions, the directory sync and the bulk engine) when the console module starts, then tells the
 * operator where to open the console; a configuration it refuses is logged as one line first.
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
