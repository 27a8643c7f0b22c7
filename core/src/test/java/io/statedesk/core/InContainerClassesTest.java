package io.statedesk.core;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every Arquillian class of core's gets into its deployment the extensions and parents JUnit needs
 * to run it in the server: without them Arquillian's runner reports its tests as passed without
 * running them ({@link InContainerClasses}).
 */
class InContainerClassesTest {

  @Test
  void aClassOnPostgresqlBringsItsParentAndTheExtensionsOfBoth() throws ClassNotFoundException {
    WebArchive war = ShrinkWrap.create(WebArchive.class, "probe.war");
    InContainerClasses.addTo(war, Class.forName("io.statedesk.core.bulk.BulkChangeOnPostgresqlIT"));
    assertThat(war.contains(classFile("io.statedesk.core.bulk.BulkChangeIT"))).isTrue();
    assertThat(war.contains(classFile("io.statedesk.core.bulk.BulkChangeOnPostgresqlIT"))).isTrue();
    assertThat(war.contains(classFile(TestDatabase.class.getName()))).isTrue();
    assertThat(war.contains(classFile(ArquillianExtension.class.getName())))
        .as("Arquillian's own extension comes with the container")
        .isFalse();
  }

  @Test
  void everyArquillianClassBringsEveryExtensionItRegisters() {
    List<Class<?>> arquillian = arquillianClasses();
    assertThat(arquillian).hasSizeGreaterThanOrEqualTo(8);
    for (Class<?> type : arquillian) {
      for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
        for (ExtendWith extendWith : c.getDeclaredAnnotationsByType(ExtendWith.class)) {
          for (Class<?> extension : extendWith.value()) {
            if (extension != ArquillianExtension.class) {
              assertThat(InContainerClasses.of(type)).as(type.getName()).contains(extension);
            }
          }
        }
        assertThat(InContainerClasses.of(type)).as(type.getName()).contains(c);
      }
    }
  }

  private static String classFile(String name) {
    return "/WEB-INF/classes/" + name.replace('.', '/') + ".class";
  }

  /**
   * The IT classes of this module that run in the server (they register Arquillian's extension).
   */
  private static List<Class<?>> arquillianClasses() {
    List<Class<?>> found = new ArrayList<>();
    for (Class<?> type : InContainerClasses.integrationTestClasses()) {
      for (Class<?> c = type; c != Object.class; c = c.getSuperclass()) {
        for (ExtendWith extendWith : c.getDeclaredAnnotationsByType(ExtendWith.class)) {
          if (List.of(extendWith.value()).contains(ArquillianExtension.class)) {
            found.add(type);
          }
        }
      }
    }
    return found;
  }
}
