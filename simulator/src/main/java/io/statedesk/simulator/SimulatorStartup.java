package io.statedesk.simulator;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;

/**
 * Seeds the world when the WAR starts, so that agents signed in elsewhere exist from the first
 * call.
 */
@WebListener
public class SimulatorStartup implements ServletContextListener {

  @Inject Simulator simulator;

  @Override
  public void contextInitialized(ServletContextEvent event) {
    simulator.start();
  }
}
