package io.statedesk.core.testlaunch;

import fish.payara.arquillian.container.payara.managed.PayaraMicroContainerConfiguration;
import fish.payara.arquillian.container.payara.managed.PayaraMicroDeployableContainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jboss.arquillian.container.spi.ConfigurationException;
import org.jboss.arquillian.container.spi.client.container.DeployableContainer;
import org.jboss.arquillian.container.spi.client.container.DeploymentException;
import org.jboss.arquillian.container.spi.client.container.LifecycleException;
import org.jboss.arquillian.container.spi.client.protocol.ProtocolDescription;
import org.jboss.arquillian.container.spi.client.protocol.metadata.ProtocolMetaData;
import org.jboss.arquillian.core.spi.LoadableExtension;
import org.jboss.shrinkwrap.api.Archive;
import org.jboss.shrinkwrap.api.ArchivePath;
import org.jboss.shrinkwrap.api.Node;
import org.jboss.shrinkwrap.descriptor.api.Descriptor;

/**
 * The Payara Micro adapter, except that the server of a class marked {@link
 * io.statedesk.core.testing.SharedServer} stays up after it, and a later such class whose
 * deployment is the same (the same files and the same configuration) runs on it. Every other class
 * gets a server of its own that stops after it, as with the adapter alone; the shared ones stop
 * when the test JVM ends (the adapter's own shutdown hook would stop them too). Failsafe runs the
 * classes in two JVMs, each taking the next class when it is free, so a shared server waits for the
 * classes of its JVM wherever they come.
 */
public class OneServerPerDeployment
    implements DeployableContainer<PayaraMicroContainerConfiguration> {

  /** The file {@code Deployments} puts into the deployment of a {@code @SharedServer} class. */
  public static final String SHARED_MARKER = "/WEB-INF/classes/META-INF/statedesk-shared-server";

  /**
   * The file {@code Deployments} puts into the deployment of a class marked {@link
   * io.statedesk.core.testing.OnPostgresql}: its server gets this JVM's PostgreSQL ({@link
   * PostgresForTests}).
   */
  public static final String POSTGRESQL_MARKER =
      "/WEB-INF/classes/META-INF/statedesk-on-postgresql";

  private static final Logger LOG = Logger.getLogger(OneServerPerDeployment.class.getName());
  private static final String CONFIG = "/WEB-INF/classes/META-INF/microprofile-config.properties";

  private PayaraMicroContainerConfiguration configuration;
  // for the whole test JVM (failsafe runs two, each taking the next class when it is free):
  // Arquillian makes a container per test class
  private static final Map<String, CompletableFuture<Server>> shared = new ConcurrentHashMap<>();
  private final Map<Archive<?>, Own> own = Collections.synchronizedMap(new IdentityHashMap<>());

  /** A server of one class's own, and its process if it could be told apart. */
  private record Own(PayaraMicroDeployableContainer adapter, Optional<ProcessHandle> process) {}

  private record Server(
      PayaraMicroDeployableContainer adapter, Archive<?> archive, ProtocolMetaData metaData) {}

  /** Puts this container in the adapter's place (registered as a service of the test classpath). */
  public static class Extension implements LoadableExtension {
    @Override
    public void register(ExtensionBuilder builder) {
      builder.override(
          DeployableContainer.class,
          PayaraMicroDeployableContainer.class,
          OneServerPerDeployment.class);
    }
  }

  @Override
  public Class<PayaraMicroContainerConfiguration> getConfigurationClass() {
    return PayaraMicroContainerConfiguration.class;
  }

  @Override
  public void setup(PayaraMicroContainerConfiguration configuration) {
    this.configuration = configuration;
  }

  @Override
  public ProtocolDescription getDefaultProtocol() {
    return new PayaraMicroDeployableContainer().getDefaultProtocol();
  }

  @Override
  public void start() {
    // each deployment starts its own server
  }

  @Override
  public ProtocolMetaData deploy(Archive<?> archive) throws DeploymentException {
    LOG.info(
        "Deploying "
            + archive.getName()
            + (archive.get(SHARED_MARKER) == null ? " on a server of its own" : " (may share)"));
    if (archive.get(SHARED_MARKER) == null) {
      PayaraMicroDeployableContainer adapter = adapter(archive);
      Set<Long> before = serverProcesses().map(ProcessHandle::pid).collect(Collectors.toSet());
      ProtocolMetaData metaData = adapter.deploy(archive);
      List<ProcessHandle> started =
          serverProcesses().filter(p -> !before.contains(p.pid())).toList();
      own.put(
          archive,
          new Own(adapter, started.size() == 1 ? Optional.of(started.get(0)) : Optional.empty()));
      return metaData;
    }
    String key = key(archive);
    CompletableFuture<Server> mine = new CompletableFuture<>();
    CompletableFuture<Server> first = shared.putIfAbsent(key, mine);
    if (first != null) {
      LOG.info("Running on the server of an equal deployment (" + shared.size() + " shared up)");
      try {
        return first.join().metaData();
      } catch (CompletionException e) {
        throw new DeploymentException("The shared server did not start", e.getCause());
      }
    }
    if (shared.size() > 1) {
      LOG.info("A shared deployment unlike the " + (shared.size() - 1) + " up: " + difference(key));
    }
    try {
      PayaraMicroDeployableContainer adapter = adapter(archive);
      ProtocolMetaData metaData = adapter.deploy(archive);
      mine.complete(new Server(adapter, archive, metaData));
      return metaData;
    } catch (DeploymentException | RuntimeException e) {
      shared.remove(key);
      mine.completeExceptionally(e);
      throw e;
    }
  }

  @Override
  public void undeploy(Archive<?> archive) throws DeploymentException {
    Own server = own.remove(archive);
    if (server != null) {
      try {
        server.adapter().undeploy(archive);
      } finally {
        stopQuietly(server.adapter());
        server.process().ifPresent(OneServerPerDeployment::awaitExit);
      }
    }
    // a shared server stays for the next class with an equal deployment; stop() ends it
  }

  @Override
  public void stop() {
    // Arquillian stops the container of each test class; the shared servers outlive them all
  }

  /** Stops the shared servers when the test JVM ends. */
  private static void stopShared() {
    for (CompletableFuture<Server> started : shared.values()) {
      Server server = started.getNow(null);
      if (server == null) {
        continue; // failed to start: nothing to stop
      }
      try {
        server.adapter().undeploy(server.archive());
      } catch (DeploymentException e) {
        LOG.warning("A shared server did not stop cleanly: " + e);
      }
      stopQuietly(server.adapter());
    }
    shared.clear();
  }

  static {
    Runtime.getRuntime()
        .addShutdownHook(new Thread(OneServerPerDeployment::stopShared, "stop shared servers"));
  }

  @Override
  public void deploy(Descriptor descriptor) {
    throw new UnsupportedOperationException("Core's tests deploy archives only");
  }

  @Override
  public void undeploy(Descriptor descriptor) {
    throw new UnsupportedOperationException("Core's tests deploy archives only");
  }

  /**
   * The adapter that starts the server of {@code archive}: as configured, or for a deployment
   * marked for PostgreSQL with this JVM's PostgreSQL added to the server's options (a copy of the
   * configuration: the one Arquillian gave stays as it is for the H2 classes).
   */
  private PayaraMicroDeployableContainer adapter(Archive<?> archive) throws DeploymentException {
    PayaraMicroContainerConfiguration chosen = configuration;
    if (archive.get(POSTGRESQL_MARKER) != null) {
      chosen = new PayaraMicroContainerConfiguration();
      chosen.setMicroJar(configuration.getMicroJar());
      chosen.setStartupTimeoutInSeconds(configuration.getStartupTimeoutInSeconds());
      chosen.setClusterEnabled(configuration.isClusterEnabled());
      chosen.setRandomHttpPort(configuration.isRandomHttpPort());
      chosen.setAutoBindHttp(configuration.isAutoBindHttp());
      chosen.setOutputToConsole(configuration.isOutputToConsole());
      chosen.setCmdOptions(configuration.getCmdOptions());
      String options = configuration.getExtraMicroOptions();
      chosen.setExtraMicroOptions(
          (options == null ? "" : options) + PostgresForTests.serverOptions());
      try {
        chosen.validate();
      } catch (ConfigurationException e) {
        throw new DeploymentException("Cannot configure a server on PostgreSQL", e);
      }
    }
    PayaraMicroDeployableContainer adapter = new PayaraMicroDeployableContainer();
    adapter.setup(chosen);
    return adapter;
  }

  /** The Payara Micro processes this JVM started (one class at a time runs in a failsafe JVM). */
  private static Stream<ProcessHandle> serverProcesses() {
    return ProcessHandle.current()
        .children()
        .filter(p -> p.info().commandLine().orElse("").contains("payara-micro"));
  }

  /**
   * Waits until a stopped server's process has ended. Why: the adapter only signals it ({@code
   * Process.destroy}) and returns, and the next class resets the simulator at once; a console still
   * shutting down then signed its hosted agents in again, and the next class's console, force off,
   * found them all signed in elsewhere until those sessions timed out two minutes later ({@code
   * BulkChangeIT} after {@code ChangeCountersIT}, which host the same agents, 2026-12-05).
   */
  private static void awaitExit(ProcessHandle process) {
    long stopped = System.nanoTime();
    try {
      process.onExit().get(60, TimeUnit.SECONDS);
      LOG.info(
          "Server pid "
              + process.pid()
              + " ended "
              + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - stopped)
              + " ms after its stop");
    } catch (TimeoutException e) {
      LOG.warning("A stopped server had not ended after 60 s; killing it: pid " + process.pid());
      process.destroyForcibly();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException e) {
      throw new IllegalStateException("Waiting for a server's end failed", e.getCause());
    }
  }

  private static void stopQuietly(PayaraMicroDeployableContainer adapter) {
    try {
      adapter.stop();
    } catch (LifecycleException e) {
      LOG.warning("A server did not stop cleanly: " + e);
    }
  }

  /** What makes two deployments the same: their name, configuration and file names. */
  static String key(Archive<?> archive) {
    TreeSet<String> paths = new TreeSet<>();
    for (ArchivePath path : archive.getContent().keySet()) {
      paths.add(path.get());
    }
    Node config = archive.get(CONFIG);
    String configText = "";
    if (config != null && config.getAsset() != null) {
      try (InputStream in = config.getAsset().openStream()) {
        configText = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new IllegalStateException("Cannot read the deployment's configuration", e);
      }
    }
    return archive.getName() + "\n" + configText + "\n" + String.join("\n", paths);
  }

  /** The first lines in which {@code key} differs from the keys of the shared servers (a hint). */
  private String difference(String key) {
    TreeSet<String> mine = new TreeSet<>(List.of(key.split("\n")));
    StringBuilder out = new StringBuilder();
    for (String other : shared.keySet()) {
      if (other.equals(key)) {
        continue;
      }
      TreeSet<String> theirs = new TreeSet<>(List.of(other.split("\n")));
      TreeSet<String> onlyMine = new TreeSet<>(mine);
      onlyMine.removeAll(theirs);
      theirs.removeAll(mine);
      out.append("only here ")
          .append(onlyMine.stream().limit(5).toList())
          .append(", only there ")
          .append(theirs.stream().limit(5).toList())
          .append("; ");
    }
    return out.toString();
  }
}
