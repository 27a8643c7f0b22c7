package io.statedesk.servers;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Payara Server 6 (full distribution): a new domain with its own port base, configured by {@code
 * servers/payara/datasource-h2.asadmin} and {@code demo.asadmin}, the simulator and the EAR
 * deployed with {@code asadmin deploy}.
 */
final class PayaraServer extends AppServer {

  private static final String DOMAIN = "statedesk";
  private final Path home;
  private final int portBase;
  private boolean started;

  private PayaraServer(Path home, int portBase) {
    this.home = home;
    this.portBase = portBase;
  }

  static PayaraServer start() {
    Path matrix = Path.of(required("matrix.dir"));
    Path home = unzipFresh(matrix.resolve("payara-server.zip"), matrix.resolve("payara"));
    // admin +48, http +80, https +81, iiop +37/+38/+39, jms +76, jmx +86, osgi +66, debug +9; below
    // the kernel's ephemeral range (from 32768), as the test kit's ports (testkit Ports)
    int base = freeBase(11000, 21000, 100, 48, 80, 81, 37, 38, 39, 76, 86, 66, 9);
    PayaraServer server = new PayaraServer(home, base);
    try {
      server.configureAndStart();
    } catch (RuntimeException e) {
      server.close(); // a domain that failed to deploy must not outlive the test run
      throw e;
    }
    return server;
  }

  private String adminPort() {
    return String.valueOf(portBase + 48);
  }

  private String asadmin(Duration limit, String... args) {
    String[] command = new String[args.length + 2];
    command[0] = "bash";
    command[1] = "bin/asadmin";
    System.arraycopy(args, 0, command, 2, args.length);
    return run(home, environment(), limit, command);
  }

  private void configureAndStart() {
    Duration minutes = Duration.ofMinutes(4);
    asadmin(
        minutes,
        "create-domain",
        "--nopassword=true",
        "--portbase",
        String.valueOf(portBase),
        DOMAIN);
    asadmin(minutes, "start-domain", DOMAIN);
    started = true;
    Path scriptDir = scripts.resolve("payara");
    asadmin(
        minutes,
        "--port",
        adminPort(),
        "multimode",
        "--file",
        scriptDir.resolve("datasource-h2.asadmin").toString());
    asadmin(
        minutes,
        "--port",
        adminPort(),
        "multimode",
        "--file",
        scriptDir.resolve("demo.asadmin").toString());
    // the pool's new URL and the system properties are read at start: restart before deploying
    asadmin(minutes, "stop-domain", DOMAIN);
    asadmin(minutes, "start-domain", DOMAIN);
    asadmin(
        minutes,
        "--port",
        adminPort(),
        "deploy",
        "--contextroot",
        "agentgateway",
        "--name",
        "agentgateway",
        simulator.toString());
    asadmin(minutes, "--port", adminPort(), "deploy", ear.toString());
    awaitOk(consoleUrl() + "/login.xhtml", Duration.ofMinutes(2));
  }

  @Override
  String baseUrl() {
    return "http://localhost:" + (portBase + 80);
  }

  @Override
  String readinessUrl() {
    return baseUrl() + "/health/ready";
  }

  @Override
  Path logFile() {
    return home.resolve("glassfish/domains/" + DOMAIN + "/logs/server.log");
  }

  @Override
  String name() {
    return "Payara Server";
  }

  @Override
  public void close() {
    if (started) {
      try {
        asadmin(Duration.ofMinutes(2), "stop-domain", DOMAIN);
      } catch (RuntimeException e) {
        System.err.println(name() + " did not stop cleanly: " + e.getMessage());
      }
    }
  }
}
