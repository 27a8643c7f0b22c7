package io.statedesk.servers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * WildFly (standalone), configured offline by the checked-in CLI scripts of {@code servers/wildfly}
 * ({@code configure.cli}, a datasource script, {@code demo.cli}, for a cluster {@code
 * cluster.cli}), the EAR (and the simulator, on the server that is the gateway) deployed through
 * {@code standalone/deployments}, all ports moved by one offset so that it runs beside anything
 * else on the machine.
 */
final class WildFlyServer extends AppServer {

  /**
   * The resource lock of the matrix classes that start WildFly servers: one such class at a time,
   * beside the Payara Server class. Two WildFly classes together with Payara Server overloaded the
   * 2 cores (four servers and PostgreSQL).
   */
  static final String ONE_AT_A_TIME = "wildfly-classes";

  /**
   * One WildFly of the matrix.
   *
   * @param dir its directory under the matrix directory (a fresh unzip)
   * @param scripts the CLI scripts, run in this order on the stopped server
   * @param gateway the server whose simulator is the gateway; {@code null}: the simulator is
   *     deployed on this one
   */
  record Setup(String dir, List<Cli> scripts, AppServer gateway) {}

  /**
   * A checked-in CLI script and the values of its {@code set} lines, edited as the operator guide
   * tells operators to edit them (none: the script runs as it is).
   */
  record Cli(String name, Map<String, String> values) {

    static Cli asIs(String name) {
      return new Cli(name, Map.of());
    }

    /**
     * The file to run: the checked-in one, or a copy in {@code dir} whose {@code set} lines carry
     * the values.
     *
     * @throws IllegalStateException if the script has no {@code set} line for one of the values
     */
    Path in(Path scriptDir, Path dir) {
      Path script = scriptDir.resolve(name);
      if (values.isEmpty()) {
        return script;
      }
      try {
        Set<String> edited = new TreeSet<>();
        List<String> lines = new ArrayList<>();
        for (String line : Files.readAllLines(script)) {
          Matcher set = SET.matcher(line);
          if (set.matches() && values.containsKey(set.group(1)) && edited.add(set.group(1))) {
            line = "set " + set.group(1) + "=" + values.get(set.group(1));
          }
          lines.add(line);
        }
        if (!edited.equals(values.keySet())) {
          throw new IllegalStateException(
              script + " has set lines for " + edited + ", not for all of " + values.keySet());
        }
        Path copy = dir.resolve(name);
        Files.write(copy, lines);
        return copy;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  private static final Pattern SET = Pattern.compile("set (\\w+)=.*");

  private final Path home;
  private final int offset;
  private final Setup setup;
  private Process process;

  private WildFlyServer(Path home, int offset, Setup setup) {
    this.home = home;
    this.offset = offset;
    this.setup = setup;
  }

  /** The smoke tests' WildFly: the embedded H2 database, the demo, the simulator beside it. */
  static WildFlyServer start() {
    return start(
        new Setup(
            "wildfly",
            List.of(Cli.asIs("configure.cli"), Cli.asIs("datasource-h2.cli"), Cli.asIs("demo.cli")),
            null));
  }

  static WildFlyServer start(Setup setup) {
    WildFlyServer server = configured(setup);
    server.launch();
    return server;
  }

  /**
   * A fresh unzip with its ports chosen and its scripts run (offline), not yet started. Why apart
   * from {@link #launch()}: {@code TwoConsolesIT} configures its second console, four CLI runs of a
   * JVM each, while the first one starts.
   */
  static WildFlyServer configured(Setup setup) {
    Path matrix = Path.of(required("matrix.dir"));
    Path home = unzipFresh(matrix.resolve("wildfly.zip"), matrix.resolve(setup.dir()));
    // http 8080, https 8443, management 9990/9993, txn 4712/4713, ajp 8009
    int offset = freeBase(21000, 31000, 100, 8080, 8443, 9990, 9993, 4712, 4713, 8009);
    WildFlyServer server = new WildFlyServer(home, offset, setup);
    server.runScripts();
    return server;
  }

  private void runScripts() {
    Path scriptDir = scripts.resolve("wildfly");
    for (Cli script : setup.scripts()) {
      run(
          home,
          Map.of(),
          Duration.ofMinutes(3),
          "bash",
          "bin/jboss-cli.sh",
          "--file=" + script.in(scriptDir, home));
    }
  }

  /** Deploys and starts the configured server; returns once the console answers. */
  void launch() {
    try {
      startAndAwait();
    } catch (RuntimeException e) {
      close(); // a server that failed to deploy must not outlive the test run
      throw e;
    }
  }

  private void startAndAwait() {
    try {
      Path deployments = home.resolve("standalone/deployments");
      if (setup.gateway() == null) {
        Files.copy(
            simulator,
            deployments.resolve("agentgateway.war"),
            StandardCopyOption.REPLACE_EXISTING);
      }
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
    if (setup.gateway() == null) {
      awaitDeployed("agentgateway.war", Duration.ofMinutes(3));
    }
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
  String gatewayBaseUrl() {
    return setup.gateway() == null ? baseUrl() : setup.gateway().baseUrl();
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
    return "WildFly "
        + home.getFileName().toString().replace("wildfly-", "")
        + (setup.dir().equals("wildfly") ? "" : " (" + setup.dir() + ")");
  }

  @Override
  public void close() {
    if (process == null) {
      return;
    }
    // SIGTERM to the JVM (a child of standalone.sh): WildFly shuts down gracefully. Wait for the
    // JVM itself, not only the script (which ends first): the consoles of TwoConsolesIT still
    // write to their database while they stop, and it must not be stopped under them
    List<ProcessHandle> all = new ArrayList<>(process.descendants().toList());
    all.add(process.toHandle());
    all.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    for (ProcessHandle p : all) {
      try {
        p.onExit().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException | ExecutionException e) {
        System.err.println(name() + " did not stop within 60 s: killed");
        all.forEach(ProcessHandle::destroyForcibly);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
