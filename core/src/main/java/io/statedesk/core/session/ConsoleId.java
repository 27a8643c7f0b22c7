package io.statedesk.core.session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which console this is, for the hold records: {@code statedesk.console.id}, else the host name. It
 * must stay the same across restarts of one console and differ between consoles sharing a database
 * (set it when two run on one host).
 */
@ApplicationScoped
public class ConsoleId {

  @Inject
  @ConfigProperty(name = "statedesk.console.id")
  Optional<String> configured;

  public String get() {
    return configured.map(String::trim).filter(s -> !s.isEmpty()).orElseGet(ConsoleId::hostName);
  }

  private static String hostName() {
    try {
      String host = InetAddress.getLocalHost().getHostName();
      return host.length() > 64 ? host.substring(0, 64) : host;
    } catch (UnknownHostException e) {
      return "console";
    }
  }

  /** What is wrong with the setting; empty when fine. */
  public Optional<String> problem() {
    return configured
        .filter(s -> s.trim().length() > 64)
        .map(s -> "statedesk.console.id must be at most 64 characters, was " + s.trim().length());
  }
}
