package io.statedesk.core.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Pins the shape that docs/src/architecture.md draws: core's feature packages form no cycle, the
 * lower layers (gateway, security, audit) know none of the features above them, nothing in core
 * knows the start-up that composes them, and core knows neither the web module nor the simulator. A
 * new cycle or a dependency pointing upwards fails the build here, with the offending classes
 * named, instead of in a review months later.
 */
@AnalyzeClasses(
    packages = "io.statedesk.core",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  /** The features of core, each a package under io.statedesk.core. */
  private static final String[] FEATURES = {
    "..core.account..",
    "..core.bulk..",
    "..core.catalog..",
    "..core.directory..",
    "..core.session..",
    "..core.desired..",
    "..core.schedule..",
    "..core.trail..",
    "..core.floor..",
    "..core.selection..",
  };

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("io.statedesk.core.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule gatewayKnowsNoFeature =
      noClasses()
          .that()
          .resideInAPackage("..core.gateway..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FEATURES)
          .because("the gateway client is the anti-corruption layer under every feature");

  @ArchTest
  static final ArchRule securityAndAuditKnowNoFeature =
      noClasses()
          .that()
          .resideInAnyPackage("..core.security..", "..core.audit..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(FEATURES)
          .because("who may do what, and the record of what was done, sit below the features");

  @ArchTest
  static final ArchRule problemsKnowNothingElse =
      classes()
          .that()
          .resideInAPackage("..core.problem..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage("..core.problem..", "java..")
          .because("the shape of a refusal is used by every feature and every layer below them");

  @ArchTest
  static final ArchRule nothingInCoreKnowsTheStartUp =
      noClasses()
          .that()
          .resideOutsideOfPackage("..core.startup..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("..core.startup..")
          .because(
              "the start-up is the composition root above every feature: its order of steps"
                  + " must never become a package cycle");

  @ArchTest
  static final ArchRule coreKnowsNoScreenAndNoSimulator =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.statedesk.web..", "io.statedesk.simulator..")
          .because("core has no UI, and the simulator is a stand-in that shares no code with us");
}
