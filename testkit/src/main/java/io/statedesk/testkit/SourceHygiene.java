package io.statedesk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Finds fully-qualified type names written inline in code ({@code new java.util.HashSet<>()})
 * instead of imported. Why: an inline name hides a dependency between feature packages from whoever
 * reads the imports, and ArchUnit cannot tell (in bytecode an imported and an inline name are the
 * same). So it reads the source text: code only, not imports, package lines, comments (Javadoc may
 * name a class it does not import) or string and text-block literals (JPQL names enum constants by
 * their full name). Core's and web's tests both use it.
 *
 * <p>It also finds fixed sleeps ({@code Thread.sleep}, {@code TimeUnit.SECONDS.sleep}) in test
 * code. Why: a test that sleeps for a guessed time is slow where the machine is fast and flaky
 * where it is slow; it waits for the condition it needs instead (Awaitility).
 */
public final class SourceHygiene {

  private SourceHygiene() {}

  /**
   * A package path of at least two lower-case segments from a usual root, then a capitalised type
   * name, not itself part of a longer dotted name or identifier.
   */
  private static final Pattern QUALIFIED =
      Pattern.compile(
          "(?<![\\w.$])(?:java|javax|jakarta|jdk|sun|com|org|io|net)(?:\\.[a-z_][a-z0-9_]*)+"
              + "\\.[A-Z]\\w*");

  /** A single-type import (not static, not on demand): its simple name. */
  private static final Pattern IMPORTED =
      Pattern.compile("import\\s+(?:[\\w$]+\\s*\\.\\s*)+([A-Z][\\w$]*)\\s*;");

  /** A type declared in the file (top-level or nested): its simple name. */
  private static final Pattern DECLARED =
      Pattern.compile("\\b(?:class|interface|enum|record|@interface)\\s+([A-Z][\\w$]*)");

  /** A fixed sleep: {@code Thread.sleep(} or {@code TimeUnit.X.sleep(}, in code. */
  private static final Pattern SLEEP =
      Pattern.compile("(?<![\\w.$])(?:Thread|TimeUnit\\.[A-Z]+)\\s*\\.\\s*sleep\\s*\\(");

  /**
   * Every inline name under {@code root} (a source folder) that is not a real clash, as
   * "path/File.java:line: name". A clash: the simple name is already taken in that file, by an
   * import, a type of the file's own package or a type the file declares; there the full name is
   * the only way to write it.
   */
  public static List<String> inlineNames(Path root) {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        for (String hit : inlineNames(source, samePackageTypes(file))) {
          found.add(root.relativize(file) + ":" + hit);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /**
   * The simple names of the types of {@code file}'s package: its folder, and for a test the same
   * package in the module's code ({@code src/main/java}), which a test sees without an import.
   */
  private static Set<String> samePackageTypes(Path file) throws IOException {
    Path folder = file.toAbsolutePath().normalize().getParent();
    Set<String> types = typesIn(folder);
    for (int k = folder.getNameCount() - 2; k >= 0; k--) {
      if (folder.getName(k).toString().equals("src")
          && folder.getName(k + 1).toString().equals("test")) {
        Path main =
            folder
                .getRoot()
                .resolve(folder.subpath(0, k + 1))
                .resolve("main")
                .resolve(folder.subpath(k + 2, folder.getNameCount()));
        types.addAll(typesIn(main));
        break;
      }
    }
    return types;
  }

  private static Set<String> typesIn(Path folder) throws IOException {
    if (!Files.isDirectory(folder)) {
      return new HashSet<>();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .map(f -> f.getFileName().toString())
          .filter(name -> name.endsWith(".java"))
          .map(name -> name.substring(0, name.length() - ".java".length()))
          .collect(Collectors.toCollection(HashSet::new));
    }
  }

  /** Every fixed sleep under {@code root} (a source folder), as "path/File.java:line: text". */
  public static List<String> sleeps(Path root) {
    return eachFile(root, SourceHygiene::sleeps);
  }

  /** Each fixed sleep in the code of one source file, as "line: the line's code". */
  public static List<String> sleeps(String source) {
    List<String> hits = new ArrayList<>();
    String[] lines = codeOnly(source).split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (SLEEP.matcher(lines[i]).find()) {
        hits.add((i + 1) + ": " + lines[i].strip());
      }
    }
    return hits;
  }

  private static List<String> eachFile(Path root, Function<String, List<String>> finder) {
    List<String> found = new ArrayList<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        String source = Files.readString(file, StandardCharsets.UTF_8);
        for (String hit : finder.apply(source)) {
          found.add(root.relativize(file) + ":" + hit);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return found;
  }

  /** Each inline qualified name in the code of one source file, as "line: name". */
  public static List<String> inlineNames(String source) {
    return inlineNames(source, Set.of());
  }

  /**
   * Each inline qualified name in the code of one source file, as "line: name", except real
   * clashes: a simple name that an import, a type of the same package ({@code samePackage}) or a
   * type declared in the file already takes.
   */
  public static List<String> inlineNames(String source, Set<String> samePackage) {
    String code = codeOnly(source);
    Set<String> taken = new HashSet<>(samePackage);
    Matcher declared = DECLARED.matcher(code);
    while (declared.find()) {
      taken.add(declared.group(1));
    }
    List<String> hits = new ArrayList<>();
    String[] lines = code.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip();
      if (line.startsWith("package ")) {
        continue;
      }
      if (line.startsWith("import ")) {
        Matcher imported = IMPORTED.matcher(line);
        if (imported.matches()) {
          taken.add(imported.group(1));
        }
        continue;
      }
      Matcher m = QUALIFIED.matcher(line);
      while (m.find()) {
        hits.add((i + 1) + ": " + m.group());
      }
    }
    hits.removeIf(hit -> taken.contains(hit.substring(hit.lastIndexOf('.') + 1)));
    return hits;
  }

  /**
   * The source with comments and the contents of string, text-block and character literals blanked
   * out; line breaks are kept, so line numbers stay true.
   */
  public static String codeOnly(String source) {
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
