package io.statedesk.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.statedesk.testkit.SourceHygiene;
import io.statedesk.testkit.SourceSizes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Fails on a fully-qualified type name written inline in core's code ({@code new
 * java.util.HashSet<>()}, {@code @Inject io.statedesk.core.cluster.Cluster cluster}) instead of
 * imported. Why: an inline name hides a dependency between feature packages from whoever reads the
 * imports, which is where a reviewer looks for them; {@link ArchitectureTest} cannot tell, since in
 * bytecode an imported and an inline name are the same. So this test reads the source text: code
 * only, not imports, package lines, comments (Javadoc may name a class it does not import) or
 * string and text-block literals (JPQL names enum constants by their full name).
 *
 * <p>Surefire runs with the module's basedir as working directory, hence the relative path.
 */
class SourceHygieneTest {

  /**
   * Every module's code and tests: a test's inline name hides what it depends on as well as a
   * service's does (core's code is one of the folders, the simulator's too, though nothing of ours
   * may depend on it: an inline name there would hide a dependency on core).
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "src/main/java",
        "src/test/java",
        "../web/src/main/java",
        "../web/src/test/java",
        "../simulator/src/main/java",
        "../simulator/src/test/java",
        "../servers/src/test/java",
        "../testkit/src/main/java",
        "../testkit/src/test/java"
      })
  void noInlineQualifiedTypeName(String folder) {
    Path code = sourceFolder(folder);
    assertThat(SourceHygiene.inlineNames(code))
        .as(
            "inline fully-qualified type names in %s (import them; a real name clash may stay)",
            folder)
        .isEmpty();
  }

  /**
   * No test of any module waits a fixed time (issue 22), nor the test kit that launches servers for
   * them: a test waits for what it needs, by condition; benchmarks sample on a schedule or poll for
   * their conditions the same way. One test for every module's test sources (core's tests run first
   * in the build, so a sleep fails it early), rather than a copy of it in each module.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "src/test/java",
        "../web/src/test/java",
        "../simulator/src/test/java",
        "../servers/src/test/java",
        "../ear/src/test/java",
        "../testkit/src"
      })
  void noFixedSleepInTests(String folder) {
    Path tests = sourceFolder(folder);
    assertThat(SourceHygiene.sleeps(tests))
        .as("fixed sleeps in %s (wait by condition)", folder)
        .isEmpty();
  }

  /**
   * No class of any module's code over 300 lines, and no method over 60 whose Javadoc does not say
   * why (issue 22): a newcomer reads a class in one sitting and a method on one screen.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "src/main/java",
        "../web/src/main/java",
        "../simulator/src/main/java",
        "../testkit/src/main/java"
      })
  void noClassOver300LinesNorMethodOver60WithoutWhy(String folder) {
    Path code = sourceFolder(folder);
    SourceSizes.Measured sizes = SourceSizes.measure(code); // parsed once for both rules
    assertThat(sizes.longClasses(300)).as("classes over 300 lines in %s", folder).isEmpty();
    assertThat(sizes.longMethodsWithoutWhy(60))
        .as("methods over 60 lines in %s whose Javadoc does not say why", folder)
        .isEmpty();
  }

  /**
   * Tests too (issue 22): no test class over 300 lines and no test method over 60 whose Javadoc
   * does not say why. A test class may say why it is long (an Arquillian class boots a server of
   * its own, so its scenarios share one; a cluster takes minutes to build), and then it is allowed;
   * support code that only grew there belongs in a class of its own.
   */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "src/test/java",
        "../web/src/test/java",
        "../simulator/src/test/java",
        "../servers/src/test/java"
      })
  void noTestClassOver300LinesNorTestMethodOver60WithoutWhy(String folder) {
    Path code = sourceFolder(folder);
    SourceSizes.Measured sizes = SourceSizes.measure(code);
    List<SourceSizes.Finding> unexplained = new ArrayList<>(sizes.longClassesWithoutWhy(300));
    unexplained.addAll(sizes.longMethodsWithoutWhy(60));
    assertThat(unexplained)
        .as(
            "test classes over 300 lines, methods over 60, in %s, whose Javadoc does not say why",
            folder)
        .isEmpty();
  }

  /** A module's source folder, relative to core's basedir (Surefire's working directory). */
  private static Path sourceFolder(String folder) {
    Path path = Path.of(folder);
    assertThat(Files.isDirectory(path)).as("run from core's basedir: %s", path).isTrue();
    return path;
  }

  @Test
  void sizesAreTheCompilersView(@TempDir Path dir) throws Exception {
    StringBuilder longBody = new StringBuilder();
    for (int i = 0; i < 61; i++) {
      longBody.append("    x++;\n");
    }
    Files.writeString(
        dir.resolve("Example.java"),
        "class Example {\n  int x;\n"
            + "  void tooLong() {\n"
            + longBody
            + "  }\n"
            + "  /** Why so long: one scenario. */\n  void explained() {\n"
            + longBody
            + "  }\n"
            + "  void shortOne() {\n    x++;\n  }\n"
            + "  static class Nested {}\n}\n");
    assertThat(SourceSizes.longMethodsWithoutWhy(dir, 60))
        .extracting(SourceSizes.Finding::name, SourceSizes.Finding::lines)
        .containsExactly(tuple("tooLong", 63L));
    assertThat(SourceSizes.longClasses(dir, 100))
        .extracting(SourceSizes.Finding::name)
        .containsExactly("Example");
    assertThat(SourceSizes.longClasses(dir, 200)).isEmpty();
  }

  @Test
  void sleepsAreFoundInCodeOnly() {
    String source =
        """
        class Example {
          // Thread.sleep(10) in a comment
          String s = "Thread.sleep(10)";
          void a() throws Exception {
            Thread.sleep(10);
            TimeUnit.SECONDS.sleep(1);
            Thread . sleep (5);
            myThread.sleep(1);
          }
        }
        """;
    assertThat(SourceHygiene.sleeps(source))
        .containsExactly(
            "5: Thread.sleep(10);", "6: TimeUnit.SECONDS.sleep(1);", "7: Thread . sleep (5);");
  }

  @Test
  void onlyCodeCounts() {
    String source =
        """
        package io.statedesk.core.example;

        import java.util.List;
        import static java.util.Locale.ROOT;

        /** Uses {@link java.util.HashSet} and {@code io.statedesk.core.gateway.GatewayState}. */
        class Example {
          // java.util.TreeSet in a line comment
          /* jakarta.persistence.Query in a block comment */
          String jpql = "o.status = io.statedesk.core.bulk.OutcomeStatus.PENDING";
          String escaped = "a \\" java.util.Map \\" b";
          char quote = '"';
          String block = \"""
              java.time.Instant in a text block \\\""" still inside
              \""";
          List<String> names = new java.util.ArrayList<>();
          @org.eclipse.microprofile.config.inject.ConfigProperty(name = "x")
          String x;
          Object state = io.statedesk.core.gateway.GatewayState.READY;
          String lowered = x.toLowerCase(ROOT);
        }
        """;

    assertThat(SourceHygiene.inlineNames(source))
        .containsExactly(
            "16: java.util.ArrayList",
            "17: org.eclipse.microprofile.config.inject.ConfigProperty",
            "19: io.statedesk.core.gateway.GatewayState");
  }

  /**
   * Where the simple name is already taken (by an import, a type of the same package, or a type the
   * file declares) the full name is the only way to write it: a real clash, not a finding.
   */
  @Test
  void aRealClashIsNoFinding(@TempDir Path root) throws Exception {
    Path main = Files.createDirectories(root.resolve("m/src/main/java/p"));
    Path test = Files.createDirectories(root.resolve("m/src/test/java/p"));
    Files.writeString(main.resolve("Json.java"), "package p;\nclass Json {}\n");
    Files.writeString(
        test.resolve("UsesBoth.java"),
        """
        package p;

        import jakarta.ws.rs.Path;

        class UsesBoth {
          Object builder = jakarta.json.Json.createObjectBuilder();
          java.nio.file.Path file;
          record Optional(int n) {}
          java.util.Optional<String> maybe;
          java.util.List<String> names;
        }
        """);
    assertThat(SourceHygiene.inlineNames(root.resolve("m/src/test/java")))
        .containsExactly("p/UsesBoth.java:10: java.util.List");
  }
}
