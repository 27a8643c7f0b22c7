package io.statedesk.core;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.Extension;

/**
 * What an Arquillian test class needs in its deployment besides its own file, so that JUnit in the
 * server can run it: its superclasses (a class on PostgreSQL is a subclass of the H2 one) and every
 * JUnit extension it registers with {@code @ExtendWith}, except Arquillian's own, which the
 * container brings.
 *
 * <p>Why this matters more than a missing class usually does: Arquillian's JUnit 5 runner in the
 * server (arquillian-junit5-container 1.9.1) records failures of test methods only. When JUnit
 * fails the class before any method runs, as it does when an extension class cannot be loaded, the
 * runner answers "passed" for every method. An extension missing from the deployment made {@code
 * BulkChangeIT} and {@code ChangeCountersIT} pass without running a line from 8fb8340 until this
 * class was written (found when their tests reported 0.1 s for a change of 1,000 agents).
 */
final class InContainerClasses {

  private InContainerClasses() {}

  /** The classes {@code testClass} needs in the server besides itself. */
  static Set<Class<?>> of(Class<?> testClass) {
    Set<Class<?>> needed = new LinkedHashSet<>();
    for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
      needed.add(c);
      for (ExtendWith extendWith : c.getDeclaredAnnotationsByType(ExtendWith.class)) {
        for (Class<? extends Extension> extension : List.of(extendWith.value())) {
          if (!extension.getName().startsWith("org.jboss.arquillian.")) {
            needed.add(extension);
          }
        }
      }
    }
    return needed;
  }

  /** The {@code *IT} classes of core's tests, read from the test classes' directory. */
  static List<Class<?>> integrationTestClasses() {
    try {
      Path classes =
          Path.of(
              InContainerClasses.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      try (Stream<Path> files = Files.walk(classes)) {
        List<Class<?>> found = new ArrayList<>();
        for (Path file : files.filter(f -> f.toString().endsWith("IT.class")).toList()) {
          String name =
              classes
                  .relativize(file)
                  .toString()
                  .replace(File.separatorChar, '.')
                  .replaceAll("\\.class$", "");
          found.add(Class.forName(name, false, InContainerClasses.class.getClassLoader()));
        }
        return found;
      }
    } catch (IOException | URISyntaxException | ClassNotFoundException e) {
      throw new IllegalStateException("Cannot list core's integration test classes", e);
    }
  }

  /** Adds what {@code testClass} needs in the server to {@code war}. */
  static void addTo(WebArchive war, Class<?> testClass) {
    of(testClass).forEach(war::addClass);
  }
}
