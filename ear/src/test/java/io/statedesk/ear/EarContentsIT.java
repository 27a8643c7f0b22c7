package io.statedesk.ear;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;

/** The EAR that Payara Server and WildFly deploy: what it holds and where. */
class EarContentsIT {

  static final Path EAR = Path.of(System.getProperty("ear.file", "target/statedesk.ear"));

  @Test
  void holdsCoreAsLibraryAndTheWebModuleWithVersionFreeNames() throws IOException {
    assertThat(EAR).exists();
    try (ZipFile ear = new ZipFile(EAR.toFile())) {
      List<String> names = ear.stream().map(ZipEntry::getName).toList();
      assertThat(names)
          .contains("statedesk-web.war", "lib/statedesk-core.jar", "META-INF/application.xml");
      assertThat(names)
          .noneMatch(n -> n.startsWith("lib/primefaces") || n.startsWith("lib/omnifaces"));
      String application =
          new String(
              ear.getInputStream(ear.getEntry("META-INF/application.xml")).readAllBytes(),
              StandardCharsets.UTF_8);
      assertThat(application)
          .contains("<context-root>/statedesk</context-root>")
          .contains("version=\"10\"");
      assertThat(warEntries(ear.getInputStream(ear.getEntry("statedesk-web.war"))))
          .anyMatch(n -> n.matches("WEB-INF/lib/primefaces-.*-jakarta\\.jar"))
          .anyMatch(n -> n.matches("WEB-INF/lib/omnifaces-.*\\.jar"))
          .noneMatch(n -> n.startsWith("WEB-INF/lib/statedesk-core"));
    }
  }

  static List<String> warEntries(InputStream war) throws IOException {
    List<String> names = new ArrayList<>();
    try (ZipInputStream zip = new ZipInputStream(war)) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        names.add(e.getName());
      }
    }
    return names;
  }
}
