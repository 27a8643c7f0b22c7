package io.statedesk.web;

import io.statedesk.testkit.Ldap;
import io.statedesk.testkit.PayaraMicro;
import io.statedesk.testkit.SimulatorControl;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * The one Payara Micro of the web module's integration tests: the console at {@code /statedesk} and
 * the simulator at {@code /agentgateway}, in the demo configuration with LDAP sign-in against an
 * in-memory directory, started on first use and stopped when the failsafe JVM ends.
 */
public final class ConsoleServer {

  private ConsoleServer() {}

  /** The control API of the simulator deployed beside the console. */
  public static SimulatorControl simulator() {
    return SimulatorControl.at(get().baseUrl());
  }

  public static PayaraMicro get() {
    return PayaraMicro.shared(
        "console",
        () -> {
          int port = PayaraMicro.freePort();
          PayaraMicro.Builder builder = PayaraMicro.builder();
          // LDAP sign-in is on, next to the database users (LdapSignInIT)
          ldap().consoleSettings().forEach(builder::systemProperty);
          return builder
              .port(port)
              .sslPort(PayaraMicro.freePort())
              .deploy(Path.of(PayaraMicro.requiredProperty("console.war")), "statedesk")
              .deploy(Path.of(PayaraMicro.requiredProperty("simulator.war")), "agentgateway")
              .systemProperty("statedesk.demo.enabled", "true")
              .systemProperty("statedesk.public-url", "http://localhost:" + port + "/statedesk/")
              .systemProperty(
                  "statedesk.gateway.url", "http://localhost:" + port + "/agentgateway/resource")
              .systemProperty("statedesk.sessions.hosted.enabled", "true")
              .systemProperty("statedesk.sessions.hosted.agents", "10001-10060," + WRONG_PASSWORD)
              .systemProperty(
                  "statedesk.sessions.hosted.credentials-file", credentials(false).toString())
              .systemProperty("statedesk.sessions.hosted.phonenum-pattern", "7{agent}")
              // relayed Guids go stale 30 s after their last push (the gateway's 120 s by default)
              .systemProperty("statedesk.sessions.relay.guid-timeout-seconds", "30")
              .systemProperty("simulator.agents", "300")
              .systemProperty("statedesk.directory.sync-enabled", "true")
              .systemProperty("statedesk.directory.account", "999001")
              .systemProperty("statedesk.directory.password", "Sim#999001")
              .systemProperty("statedesk.directory.read-skills", "true")
              // a supervisor's 150 agents are a "large change" that must be confirmed
              // (LargeChangeIT);
              // one team's 50 are not
              .systemProperty("statedesk.bulk.confirm-above", "100")
              // every test signs in from 127.0.0.1: the per-address allowance must outlast them
              .systemProperty("statedesk.security.login.address-max-failures", "200")
              // existing tests still call the API with passwords; new ones use tokens
              .systemProperty("statedesk.api.basic-auth", "true")
              // the tests' requests come from here: X-Forwarded-For is believed from it
              .systemProperty("statedesk.http.trusted-proxies", "127.0.0.1/32, ::1/128")
              .readyWhen("/statedesk/login.xhtml")
              .start();
        });
  }

  /** A hosted agent whose password in the credentials file is wrong until a test fixes it. */
  public static final int WRONG_PASSWORD = 10299;

  private static Path credentials;

  /**
   * Writes the hosted agents' credentials file (owner-only, as the console demands): the
   * simulator's passwords, but a wrong one for {@link #WRONG_PASSWORD} unless {@code fixed}. The
   * console re-reads it when it changes.
   */
  public static synchronized Path credentials(boolean fixed) {
    try {
      if (credentials == null) {
        Path dir = Files.createTempDirectory("statedesk-credentials-");
        credentials = dir.resolve("hosted.properties");
      }
      StringBuilder lines = new StringBuilder();
      for (int agent = 10001; agent <= 10060; agent++) {
        lines.append(agent).append("=Sim#").append(agent).append('\n');
      }
      lines.append(WRONG_PASSWORD).append(fixed ? "=Sim#" : "=Wrong#").append(WRONG_PASSWORD);
      Path next = credentials.resolveSibling("hosted.properties.next");
      Files.writeString(next, lines.append('\n'));
      Files.setPosixFilePermissions(next, PosixFilePermissions.fromString("rw-------"));
      Files.move(
          next, credentials, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return credentials;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Ldap ldap;

  /** The in-memory LDAP directory the console signs LDAP users in against ({@link Ldap}). */
  public static synchronized Ldap ldap() {
    if (ldap == null) {
      ldap = Ldap.start();
    }
    return ldap;
  }

  /** e.g. {@code http://localhost:41234/statedesk} */
  public static String consoleUrl() {
    return get().baseUrl() + "/statedesk";
  }
}
