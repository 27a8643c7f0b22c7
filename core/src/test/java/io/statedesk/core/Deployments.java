package io.statedesk.core;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.jboss.shrinkwrap.resolver.api.maven.Maven;

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
    File[] libraries =
        Maven.resolver()
            .loadPomFromFile("pom.xml")
            .importCompileAndRuntimeDependencies()
            .resolve()
            .withTransitivity()
            .asFile();
    File[] testLibraries =
        Maven.resolver()
            .loadPomFromFile("pom.xml")
            .resolve("org.assertj:assertj-core", "org.awaitility:awaitility")
            .withTransitivity()
            .asFile();
    WebArchive war =
        ShrinkWrap.create(WebArchive.class, "core-it.war")
            .addAsLibrary(coreJar.toFile())
            .addAsLibraries(libraries)
            .addAsLibraries(testLibraries)
            .addPackage(io.statedesk.core.testsupport.StartupListener.class.getPackage())
            .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml")
            .addAsResource(
                new StringAsset(config + "\n"), "META-INF/microprofile-config.properties");
    for (Package p : testPackages) {
      war.addPackage(p);
    }
    return war;
  }
}
