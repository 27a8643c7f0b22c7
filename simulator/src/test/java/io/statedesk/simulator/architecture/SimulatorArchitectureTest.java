package io.statedesk.simulator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Pins the simulator's layers as its package-info draws them: the seeded world at the bottom, the
 * gateway's rules on it, the control of faults and records, how a call is answered over HTTP, the
 * composition root, and the JAX-RS resources on top. Why a test: the rules are plain Java so that
 * unit tests pin them in milliseconds, and that only lasts while they know nothing of HTTP or of
 * the way the simulator is put together; a resource's convenience import is how that ends.
 */
@AnalyzeClasses(
    packages = "io.statedesk.simulator",
    importOptions = ImportOption.DoNotIncludeTests.class)
class SimulatorArchitectureTest {

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("io.statedesk.(simulator).(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule layers =
      layeredArchitecture()
          .consideringOnlyDependenciesInLayers()
          .layer("world")
          .definedBy("io.statedesk.simulator.world..")
          .layer("gateway")
          .definedBy("io.statedesk.simulator.gateway..")
          .layer("control")
          .definedBy("io.statedesk.simulator.control..")
          .layer("http")
          .definedBy("io.statedesk.simulator.http..")
          .layer("composition")
          .definedBy("io.statedesk.simulator")
          .layer("resource")
          .definedBy("io.statedesk.simulator.resource..")
          .whereLayer("resource")
          .mayNotBeAccessedByAnyLayer()
          .whereLayer("composition")
          .mayOnlyBeAccessedByLayers("resource")
          .whereLayer("http")
          .mayOnlyBeAccessedByLayers("composition", "resource")
          .whereLayer("control")
          .mayOnlyBeAccessedByLayers("http", "composition", "resource")
          .whereLayer("gateway")
          .mayOnlyBeAccessedByLayers("control", "http", "composition", "resource");

  @ArchTest
  static final ArchRule sharesNoCodeWithTheConsole =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.statedesk.core..")
          .because("the stand-in is written from the gateway's documentation, not from our client");
}
