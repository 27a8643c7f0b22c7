package io.statedesk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * A Payara Micro process with one or more WARs, started for a whole test phase.
 *
 * <p>Why a process of our own and not one Arquillian deployment per class: Payara Micro takes 10-20
 * s to start on two cores, so the browser and HTTP tiers share one server per JVM ({@link
 * #shared(String, java.util.function.Supplier)}); the JVM's shutdown hook stops it. Its output goes
 * to {@link #logFile()}, which tests grep (for example: no Guid may ever appear there).
 *
 * <p>This class is the running process; {@link Builder} collects a start's settings, {@link
 * MicroLauncher} turns them into the command line and process, and {@link Readiness} waits for it.
 */
public final class PayaraMicro implements AutoCloseable {

  private static final Map<String, PayaraMicro> SHARED = new LinkedHashMap<>();

  private final Process process;
  private final int port;
  private final int sslPort;
  private final Path workDir;
  private final Path logFile;

  PayaraMicro(Process process, int port, int sslPort, Path workDir, Path logFile) {
    this.process = process;
    this.port = port;
    this.sslPort = sslPort;
    this.workDir = workDir;
    this.logFile = logFile;
  }

  /**
   * The server registered under {@code key} for this JVM, started on first use.
   *
   * @param key one name per kind of server in a module (e.g. "console")
   * @param starter builds and starts the server the first time
   */
  public static synchronized PayaraMicro shared(String key, Supplier<PayaraMicro> starter) {
    PayaraMicro server = SHARED.get(key);
    if (server == null || !server.process.isAlive()) {
      server = starter.get();
      SHARED.put(key, server);
      PayaraMicro started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(started::close, "stop-payara-micro-" + key));
    }
    return server;
  }

  /**
   * Starts building a server from the Payara Micro jar named by the {@code payara.microJar}
   * property.
   */
  public static Builder builder() {
    return new Builder(Path.of(requiredProperty("payara.microJar")));
  }

  /** A system property that the failsafe configuration must set; fails with a clear message. */
  public static String requiredProperty(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException(
          "System property '"
              + name
              + "' is not set: run the integration tests through Maven (./mvnw verify).");
    }
    return value;
  }

  /** e.g. {@code http://localhost:41234} */
  public String baseUrl() {
    return "http://localhost:" + port;
  }

  /** e.g. {@code https://localhost:41235}, when started with {@link Builder#sslPort(int)}. */
  public String sslBaseUrl() {
    if (sslPort == 0) {
      throw new IllegalStateException("this server was started without an HTTPS port");
    }
    return "https://localhost:" + sslPort;
  }

  public int sslPort() {
    return sslPort;
  }

  public int port() {
    return port;
  }

  /** The server's console output (stdout and stderr). */
  public Path logFile() {
    return logFile;
  }

  /** The whole log so far, for assertions. */
  public String log() {
    try {
      return Files.readString(logFile, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The directory holding this server's deployments, root dir and data. */
  public Path workDir() {
    return workDir;
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * CPU time the server's JVM has used so far (all its threads), for benchmarks that report each
   * process's cost beside the other's.
   */
  public Duration cpuTime() {
    return process.toHandle().info().totalCpuDuration().orElse(Duration.ZERO);
  }

  /** The server JVM's process id (for {@link ThreadCpu}). */
  public long pid() {
    return process.pid();
  }

  /** Kills the process at once, as a crash would, without a graceful shutdown. */
  public void kill() {
    process.destroyForcibly();
    waitForExit();
  }

  @Override
  public void close() {
    if (process.isAlive()) {
      process.destroy();
      waitForExit();
    }
  }

  private void waitForExit() {
    try {
      if (!process.waitFor(Duration.ofSeconds(30).toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /**
   * Configures one server start: it only collects settings; {@link MicroLauncher} turns them into a
   * command line and a process.
   */
  public static final class Builder {
    final Path microJar;
    final Map<String, Path> deployments = new LinkedHashMap<>();
    final Map<String, String> systemProperties = new LinkedHashMap<>();
    final List<String> postBootCommands = new ArrayList<>();
    final List<Path> libraries = new ArrayList<>();
    final List<String> readinessPaths = new ArrayList<>();
    final List<String> jvmOptions = new ArrayList<>();
    Path workDir;
    int port;
    int sslPort;
    Duration startupTimeout = Duration.ofSeconds(240);
    String maxHeap = "1g";
    boolean testSettings = true;

    Builder(Path microJar) {
      if (!Files.isRegularFile(microJar)) {
        throw new IllegalStateException(
            "Payara Micro jar not found at " + microJar + ": run through ./mvnw verify.");
      }
      this.microJar = microJar;
    }

    /** Deploys {@code war} at {@code /contextRoot}. */
    public Builder deploy(Path war, String contextRoot) {
      if (!Files.isRegularFile(war)) {
        throw new IllegalStateException(
            "WAR not found: " + war + " (build it first: ./mvnw verify).");
      }
      deployments.put(contextRoot, war);
      return this;
    }

    /**
     * A path (e.g. {@code /statedesk/login.xhtml}) that answers 2xx/3xx once the server is ready.
     */
    public Builder readyWhen(String path) {
      readinessPaths.add(path);
      return this;
    }

    public Builder systemProperty(String key, String value) {
      systemProperties.put(key, value);
      return this;
    }

    /** A jar added to the server's class path ({@code --addlibs}), e.g. a JDBC driver. */
    public Builder library(Path jar) {
      libraries.add(jar);
      return this;
    }

    /** An asadmin command run after boot (e.g. pointing the H2 pool at a stable file). */
    public Builder postBootCommand(String command) {
      postBootCommands.add(command);
      return this;
    }

    /** Reuse a directory (and so its database) across starts; default: a new temp dir. */
    public Builder workDir(Path dir) {
      this.workDir = dir;
      return this;
    }

    /** A fixed port, e.g. to restart on the same address; default: a free one. */
    public Builder port(int port) {
      this.port = port;
      return this;
    }

    /** Also serve HTTPS on this port, with Payara Micro's own self-signed certificate. */
    public Builder sslPort(int sslPort) {
      this.sslPort = sslPort;
      return this;
    }

    public Builder maxHeap(String maxHeap) {
      this.maxHeap = maxHeap;
      return this;
    }

    /**
     * The JVM's own JIT settings and the production password cost instead of the tests' ({@link
     * MicroLauncher#TEST_SETTINGS}): a benchmark measures what a production console does, warm-up
     * included.
     */
    public Builder productionSettings() {
      this.testSettings = false;
      return this;
    }

    /** A JVM option added after the defaults (so it wins). */
    public Builder jvmOption(String option) {
      jvmOptions.add(option);
      return this;
    }

    public Builder startupTimeout(Duration timeout) {
      this.startupTimeout = timeout;
      return this;
    }

    /** Starts the process and waits until every readiness path answers. */
    public PayaraMicro start() {
      return MicroLauncher.start(this);
    }
  }

  /** A port that was free a moment ago, outside the ephemeral range ({@link Ports#free}). */
  public static int freePort() {
    return Ports.free();
  }
}
