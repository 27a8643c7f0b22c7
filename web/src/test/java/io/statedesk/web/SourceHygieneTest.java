package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.SourceHygiene;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Web's code names every type it uses in its imports, as core's does (core's SourceHygieneTest says
 * why): a backing bean that writes a core service's full name inline hides that it depends on it.
 */
class SourceHygieneTest {

  private static final Path MAIN = Path.of("src/main/java");

  @Test
  void noInlineQualifiedTypeNameInWebCode() {
    assertThat(Files.isDirectory(MAIN)).as("run from web's basedir: %s", MAIN).isTrue();
    assertThat(SourceHygiene.inlineNames(MAIN))
        .as("inline fully-qualified type names (import them)")
        // the one real clash: our own class Json builds JSON with jakarta.json.Json
        .allMatch(
            hit ->
                hit.startsWith("io/statedesk/web/api/Json.java:")
                    && hit.endsWith(": jakarta.json.Json"));
  }

  /** No web test waits a fixed time (core's SourceHygieneTest says why). */
  @Test
  void noFixedSleepInWebTests() {
    Path tests = Path.of("src/test/java");
    assertThat(Files.isDirectory(tests)).as("run from web's basedir: %s", tests).isTrue();
    assertThat(SourceHygiene.sleeps(tests))
        .as("fixed sleeps in tests (wait by condition)")
        .isEmpty();
  }
}
