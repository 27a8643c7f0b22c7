package io.statedesk.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.testkit.SourceHygiene;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Web's code names every type it uses in its imports, as core's does (core's SourceHygieneTest says
 * why): a backing bean that writes a core service's full name inline hides that it depends on it.
 * (That no web test sleeps a fixed time is checked by core's, for every module's tests.)
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
}
