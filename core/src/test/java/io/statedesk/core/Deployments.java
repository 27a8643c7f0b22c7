package io.statedesk.core;

import io.statedesk.core.testing.OnPostgresql;
import io.statedesk.core.testing.SharedServer;
import io.statedesk.core.testing.TestDatabase;
import io.statedesk.core.testlaunch.OneServerPerDeployment;
import io.statedesk.core.testsupport.StartupListener;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Builds the Arquillian deployments of core's integration tests.
 *
 * <p>The deployment holds the core jar exactly as Maven packaged it (persistence unit and
 * migrations inside, as in the console's WAR) plus its runtime dependencies, resolved from the POM:
 * no hand-listed classes.
 */
public final class Deployments {

  private Deployments() {}

  /**
   * A WAR with the packaged core jar and its libraries.
   *
   * @param config extra MicroProfile Config lines (e.g. "statedesk.demo.enabled=true")
   * @param testPackages packages of test helpers the test class needs, besides itself
   */
  public static WebArchive core(String config, Package... testPackages) {
    Path coreJar = Path.of(System.getProperty("core.jar", "target/statedesk-core.jar"));
    if (!Files.isRegularFile(coreJar)) {
      throw new IllegalStateException("Core jar not built at " + coreJar + ": run ./mvnw verify");
    }
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, "core-it.war")
            .addAsLibrary(coreJar.toFile())
            .addAsLibraries(Libraries.RESOLVED.runtime)
            .addAsLibraries(Libraries.RESOLVED.test)
            .addPackage(StartupListener.class.getPackage())
            .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
            .addAsResource(
                new StringAsset(config + "\n" + expectedDatabase() + "\n"),
                "META-INF/microprofile-config.properties");
    for (Package p : testPackages) {
      war.addPackage(p);
    }
    war.addClasses(SharedServer.class, OnPostgresql.class, TestDatabase.class);
    // every deployment the same for all shared classes, so that any of them can run on it
    sharedServerClasses().forEach(type -> InContainerClasses.addTo(war, type));
    if (calledForSharedServer()) {
      war.add(EmptyAsset.INSTANCE, OneServerPerDeployment.SHARED_MARKER);
    }
    if (TestDatabase.postgresql()) {
      war.add(EmptyAsset.INSTANCE, OneServerPerDeployment.POSTGRESQL_MARKER);
    }
    // the class whose deployment this is, with its parents and extensions (InContainerClasses);
    // the declaring classes on the stack are its parent and helpers, and may register extensions
    TestDatabase.testClass().ifPresent(type -> InContainerClasses.addTo(war, type));
    callers().forEach(type -> InContainerClasses.addTo(war, type));
    return war;
  }

  /**
   * The libraries every deployment carries, resolved from the POM once per test JVM. Why once: the
   * resolver reads the POM and walks the dependency tree each time (about 2 CPU-seconds), and core
   * builds a deployment per test class, on two cores beside the servers those tests start.
   */
  private record Libraries(File[] runtime, File[] test) {
    static final Libraries RESOLVED =
        new Libraries(
            Maven.resolver()
                .loadPomFromFile("pom.xml")
                .importCompileAndRuntimeDependencies()
                .resolve()
                .withTransitivity()
                .asFile(),
            Maven.resolver()
                .loadPomFromFile("pom.xml")
                .resolve("org.assertj:assertj-core", "org.awaitility:awaitility")
                .withTransitivity()
                .asFile());
  }

  /** The classes on this thread's stack above this one that register JUnit extensions. */
  private static List<Class<?>> callers() {
    return stackAbove().filter(c -> c.isAnnotationPresent(ExtendWith.class)).distinct().toList();
  }

  /** Whether the test class whose deployment this is (the caller's caller) may share a server. */
  private static boolean calledForSharedServer() {
    return stackAbove()
        .findFirst()
        .map(c -> c.isAnnotationPresent(SharedServer.class))
        .orElse(false);
  }

  /** The project's classes on this thread's stack above this one, innermost first. */
  private static Stream<Class<?>> stackAbove() {
    return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
        .walk(
            frames ->
                frames
                    .map(StackWalker.StackFrame::getDeclaringClass)
                    .filter(c -> c != Deployments.class)
                    .filter(c -> c.getName().startsWith("io.statedesk."))
                    .toList())
        .stream();
  }

  /**
   * The database the test class runs on, as the deployment's configuration says it ({@code
   * test.expected-database}, H2, or PostgreSQL for a class marked {@link
   * io.statedesk.core.testing.OnPostgresql}): a test can check it runs where it should.
   */
  private static String expectedDatabase() {
    return "test.expected-database=" + (TestDatabase.postgresql() ? "PostgreSQL" : "H2");
  }

  /**
   * Every test class that may run on a server another class started ({@link SharedServer}): each
   * deployment carries all of them, so that any of them can run on it.
   */
  private static List<Class<?>> sharedServerClasses() {
    return InContainerClasses.integrationTestClasses().stream()
        .filter(type -> type.isAnnotationPresent(SharedServer.class))
        .toList();
  }
}
