package io.statedesk.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * WildFly (standalone), configured offline by {@code servers/wildfly/configure.cli} and {@code
 * demo.cli}, the EAR and the simulator deployed through {@code standalone/deployments}, all ports
 * moved by one offset so that it runs beside anything else on the machine.
 */
final class WildFlyServer extends AppServer {

  private final Path home;
  private final int offset;
  private Process process;

  private WildFlyServer(Path home, int offset) {
    this.home = home;
    this.offset = offset;
  }

  static WildFlyServer start() {
    Path matrix = Path.of(required("matrix.dir"));
    Path home = unzipFresh(matrix.resolve("wildfly.zip"), matrix.resolve("wildfly"));
    // http 8080, https 8443, management 9990/9993, txn 4712/4713, ajp 8009
    int offset = freeBase(21000, 31000, 100, 8080, 8443, 9990, 9993, 4712, 4713, 8009);
    WildFlyServer server = new WildFlyServer(home, offset);
    server.configureAndStart();
    return server;
  }

  private void configureAndStart() {
    Path scriptDir = scripts.resolve("wildfly");
    for (String script : new String[] {"configure.cli", "datasource-h2.cli", "demo.cli"}) {
      run(
          home,
          Map.of(),
          Duration.ofMinutes(3),
          "bash",
          "bin/jboss-cli.sh",
          "--file=" + scriptDir.resolve(script));
    }
    try {
      Path deployments = home.resolve("standalone/deployments");
      Files.copy(
          simulator, deployments.resolve("agentgateway.war"), StandardCopyOption.REPLACE_EXISTING);
      Files.copy(ear, deployments.resolve("statedesk.ear"), StandardCopyOption.REPLACE_EXISTING);
      ProcessBuilder builder =
          new ProcessBuilder(
                  "bash", "bin/standalone.sh", "-Djboss.socket.binding.port-offset=" + offset)
              .directory(home.toFile());
      Map<String, String> env = new HashMap<>(environment());
      env.put("JAVA_OPTS", "-Xms256m -Xmx1g -Djava.net.preferIPv4Stack=true");
      builder.environment().putAll(env);
      builder.redirectErrorStream(true);
      builder.redirectOutput(home.resolve("console.out").toFile());
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    awaitDeployed("agentgateway.war", Duration.ofMinutes(3));
    awaitDeployed("statedesk.ear", Duration.ofMinutes(3));
    awaitOk(consoleUrl() + "/login.xhtml", Duration.ofMinutes(2));
  }

  /** The deployment scanner's marker files say whether a deployment made it. */
  private void awaitDeployed(String name, Duration limit) {
    Path deployments = home.resolve("standalone/deployments");
    try {
      Awaitility.await(name() + ": " + name + " deployed")
          .atMost(limit)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                if (Files.exists(deployments.resolve(name + ".failed"))) {
                  throw new IllegalStateException(
                      name() + ": " + name + " failed to deploy\n" + tail(120));
                }
                if (!process.isAlive()) {
                  throw new IllegalStateException(name() + " ended during start-up\n" + tail(120));
                }
                return Files.exists(deployments.resolve(name + ".deployed"));
              });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(name() + ": " + name + " not deployed after " + limit, e);
    }
  }

  @Override
  String baseUrl() {
    return "http://localhost:" + (8080 + offset);
  }

  @Override
  String readinessUrl() {
    // MicroProfile Health lives on WildFly's management interface
    return "http://localhost:" + (9990 + offset) + "/health/ready";
  }

  @Override
  Path logFile() {
    return home.resolve("standalone/log/server.log");
  }

  @Override
  String name() {
    return "WildFly " + home.getFileName().toString().replace("wildfly-", "");
  }

  @Override
  public void close() {
    if (process == null) {
      return;
    }
    // SIGTERM to the JVM (a child of standalone.sh): WildFly shuts down gracefully
    process.descendants().forEach(ProcessHandle::destroy);
    process.destroy();
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
