package io.statedesk.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Named;
import java.beans.Introspector;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every bean of the web module with an EL name follows the one naming rule of {@code package-info}:
 * the class's simple name without {@code Backing}, first letter lower-case. Reads the compiled
 * classes (Surefire runs from the module's basedir), so a new bean is checked without being listed
 * here.
 */
class BeanNamesTest {

  private static final Path CLASSES = Path.of("target/classes");

  @Test
  void everyNamedBeanIsCalledAfterItsClass() throws Exception {
    List<String> named = new ArrayList<>();
    List<String> wrong = new ArrayList<>();
    for (Class<?> type : compiledClasses()) {
      Named name = type.getAnnotation(Named.class);
      if (name == null) {
        continue;
      }
      String actual =
          name.value().isEmpty() ? Introspector.decapitalize(type.getSimpleName()) : name.value();
      String expected = expectedName(type.getSimpleName());
      named.add(actual);
      if (!actual.equals(expected)) {
        wrong.add(type.getName() + " is #{" + actual + "}, the rule says #{" + expected + "}");
      }
    }
    assertThat(named).as("named beans found in %s", CLASSES).hasSizeGreaterThan(20);
    assertThat(wrong).as("beans named against the rule").isEmpty();
  }

  @Test
  void theRuleDropsTheSuffixAndLowersTheFirstLetter() {
    assertThat(expectedName("UsersAdminBacking")).isEqualTo("usersAdmin");
    assertThat(expectedName("UserZone")).isEqualTo("userZone");
    assertThat(expectedName("Backing")).isEqualTo("backing");
  }

  static String expectedName(String simpleName) {
    String base =
        simpleName.endsWith("Backing") && simpleName.length() > "Backing".length()
            ? simpleName.substring(0, simpleName.length() - "Backing".length())
            : simpleName;
    return Character.toLowerCase(base.charAt(0)) + base.substring(1);
  }

  private static List<Class<?>> compiledClasses() throws ClassNotFoundException {
    assertThat(Files.isDirectory(CLASSES)).as("run from web's basedir: %s", CLASSES).isTrue();
    List<Class<?>> types = new ArrayList<>();
    try (Stream<Path> files = Files.walk(CLASSES)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".class")).toList()) {
        String name = CLASSES.relativize(file).toString();
        if (name.contains("$") || name.endsWith("package-info.class")) {
          continue;
        }
        name = name.substring(0, name.length() - ".class".length()).replace('/', '.');
        types.add(Class.forName(name, false, BeanNamesTest.class.getClassLoader()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return types;
  }
}
