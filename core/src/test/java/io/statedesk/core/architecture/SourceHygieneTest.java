package io.statedesk.core.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

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

  private static final Path MAIN = Path.of("src/main/java");

  /**
   * A package path of at least two lower-case segments from a usual root, then a capitalised type
   * name, not itself part of a longer dotted name or identifier.
   */
  private static final Pattern QUALIFIED =
      Pattern.compile(
          "(?<![\\w.$])(?:java|javax|jakarta|jdk|sun|com|org|io|net)(?:\\.[a-z_][a-z0-9_]*)+"
              + "\\.[A-Z]\\w*");

  @Test
  void noInlineQualifiedTypeNameInCoreCode() throws IOException {
    assertThat(Files.isDirectory(MAIN)).as("run from core's basedir: %s", MAIN).isTrue();
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(MAIN)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        for (String hit : inlineNames(source)) {
          found.add(MAIN.relativize(file) + ":" + hit);
        }
      }
    }
    assertThat(found)
        .as("inline fully-qualified type names (import them; a real name clash may stay)")
        .isEmpty();
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

    assertThat(inlineNames(source))
        .containsExactly(
            "16: java.util.ArrayList",
            "17: org.eclipse.microprofile.config.inject.ConfigProperty",
            "19: io.statedesk.core.gateway.GatewayState");
  }

  /** Each inline qualified name in the code of one source file, as "line: name". */
  static List<String> inlineNames(String source) {
    List<String> hits = new ArrayList<>();
    String[] lines = codeOnly(source).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith("import ") || line.startsWith("package ")) {
        continue;
      }
      Matcher m = QUALIFIED.matcher(line);
      while (m.find()) {
        hits.add((i + 1) + ": " + m.group());
      }
    }
    return hits;
  }

  /**
   * The source with comments and the contents of string, text-block and character literals blanked
   * out; line breaks are kept, so line numbers stay true.
   */
  static String codeOnly(String source) {
    StringBuilder code = new StringBuilder(source.length());
    int i = 0;
    int n = source.length();
    while (i < n) {
      char c = source.charAt(i);
      if (source.startsWith("//", i)) {
        i = blank(source, i, source.indexOf('\n', i), 0, code);
      } else if (source.startsWith("/*", i)) {
        i = blank(source, i, source.indexOf("*/", i + 2), 2, code);
      } else if (source.startsWith("\"\"\"", i)) {
        code.append("\"\"\"");
        i = literal(source, i + 3, "\"\"\"", code);
      } else if (c == '"' || c == '\'') {
        code.append(c);
        i = literal(source, i + 1, String.valueOf(c), code);
      } else {
        code.append(c);
        i++;
      }
    }
    return code.toString();
  }

  /** Blanks from start up to end (exclusive) plus tail characters; -1 means to the end. */
  private static int blank(String source, int start, int end, int tail, StringBuilder code) {
    int stop = end < 0 ? source.length() : end + tail;
    for (int j = start; j < stop; j++) {
      code.append(source.charAt(j) == '\n' ? '\n' : ' ');
    }
    return stop;
  }

  /** Blanks a literal's contents up to its closing delimiter, honouring backslash escapes. */
  private static int literal(String source, int start, String close, StringBuilder code) {
    int j = start;
    while (j < source.length() && !source.startsWith(close, j)) {
      int step = source.charAt(j) == '\\' ? 2 : 1;
      for (int k = j; k < Math.min(j + step, source.length()); k++) {
        code.append(source.charAt(k) == '\n' ? '\n' : ' ');
      }
      j += step;
    }
    if (j < source.length()) {
      code.append(close);
      j += close.length();
    }
    return j;
  }
}
