package io.statedesk.web.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Pins the web module's shape (docs/src/architecture.md): its packages form no cycle, the REST API
 * and the pages are two faces over core that know nothing of each other, the texts and formats
 * ({@code i18n}) sit under both, and the simulator is reached only over HTTP. Core's own rules are
 * core's {@code ArchitectureTest}; this one catches what a page or a resource adds.
 */
@AnalyzeClasses(packages = "io.statedesk.web", importOptions = ImportOption.DoNotIncludeTests.class)
class WebArchitectureTest {

  @ArchTest
  static final ArchRule noPackageCycles =
      slices().matching("io.statedesk.(web).(**)").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule pagesKnowNoResource =
      noClasses()
          .that()
          .resideInAPackage("io.statedesk.web.view..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.statedesk.web.api..")
          .because("a page and the API are two faces of core's services, not one of the other");

  @ArchTest
  static final ArchRule resourcesKnowNoPage =
      noClasses()
          .that()
          .resideInAPackage("io.statedesk.web.api..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.statedesk.web.view..")
          .because("an API call must not need a Faces context or a page's state");

  @ArchTest
  static final ArchRule textsKnowNothingAbove =
      noClasses()
          .that()
          .resideInAPackage("io.statedesk.web.i18n..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.statedesk.web.view..",
              "io.statedesk.web.api..",
              "io.statedesk.web.live..",
              "io.statedesk.web.security..")
          .because("texts and formats are used by every face of the console");

  @ArchTest
  static final ArchRule reachesTheSimulatorOnlyOverHttp =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.statedesk.simulator..")
          .because("the console talks to a gateway, never to the stand-in's code");
}
