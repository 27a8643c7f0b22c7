package io.statedesk.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MicroLauncherTest {

  @TempDir Path dir;

  @Test
  void theCommandLineNamesEverySettingAndTheFilesItWrote() throws Exception {
    Path jar = Files.writeString(dir.resolve("payara-micro.jar"), "not really");
    Path war = Files.writeString(dir.resolve("console.war"), "war");
    Path driver = Files.writeString(dir.resolve("driver.jar"), "driver");
    Path work = Files.createDirectories(dir.resolve("work"));
    PayaraMicro.Builder builder =
        new PayaraMicro.Builder(jar)
            .deploy(war, "statedesk")
            .systemProperty("gateway.url", "http://x:1/a=b")
            .postBootCommand("set resources.jdbc-connection-pool.x.property.url=y")
            .library(driver)
            .sslPort(8443)
            .maxHeap("512m")
            .jvmOption("-XX:+UseSerialGC");

    List<String> command = MicroLauncher.command(builder, work, 1234);

    assertInOrder(
        command,
        "-Xmx512m",
        "-XX:TieredStopAtLevel=1",
        "-Dstatedesk.security.password.iterations=10000",
        "-Djava.awt.headless=true",
        "-XX:+UseSerialGC");
    assertInOrder(command, "-jar", jar.toString(), "--nocluster", "--port", "1234");
    assertInOrder(command, "--sslport", "8443");
    assertInOrder(command, "--addlibs", driver.toString());
    assertInOrder(command, "--deploy", work.resolve("deploy/statedesk.war").toString());
    assertInOrder(command, "--systemproperties", work.resolve("system.properties").toString());
    assertInOrder(command, "--postbootcommandfile", work.resolve("post-boot.asadmin").toString());
    assertEquals("war", Files.readString(work.resolve("deploy/statedesk.war")));
    assertEquals(
        "gateway.url=http\\://x\\:1/a\\=b\n",
        Files.readString(work.resolve("system.properties"), StandardCharsets.ISO_8859_1));
  }

  @Test
  void withoutOptionsTheCommandLineHasNoFilesOrHttps() throws Exception {
    Path jar = Files.writeString(dir.resolve("payara-micro.jar"), "not really");

    List<String> command = MicroLauncher.command(new PayaraMicro.Builder(jar), dir, 8080);

    assertTrue(command.contains("-Xmx1g"), command::toString);
    for (String absent :
        List.of("--sslport", "--deploy", "--systemproperties", "--postbootcommandfile")) {
      assertFalse(command.contains(absent), absent);
    }
  }

  @Test
  void aBenchmarkGetsTheJvmsOwnJitAndTheProductionPasswordCost() throws Exception {
    Path jar = Files.writeString(dir.resolve("payara-micro.jar"), "not really");

    List<String> tests = MicroLauncher.command(new PayaraMicro.Builder(jar), dir, 8080);
    List<String> bench =
        MicroLauncher.command(new PayaraMicro.Builder(jar).productionSettings(), dir, 8080);

    assertTrue(tests.containsAll(MicroLauncher.TEST_SETTINGS), tests::toString);
    assertTrue(bench.stream().noneMatch(o -> o.startsWith("-XX:Tiered")), bench::toString);
    assertTrue(bench.stream().noneMatch(o -> o.contains("password.iterations")), bench::toString);
  }

  @Test
  void propertiesAreEscapedAndLogTailsAreShort() {
    assertEquals("a\\\\b\\nc", MicroLauncher.escape("a\\b\nc"));
    assertEquals(6000, Readiness.tail("x".repeat(7000)).length());
    assertEquals("short", Readiness.tail("short"));
  }

  /** {@code expected} appear in {@code command} next to each other, in this order. */
  private static void assertInOrder(List<String> command, String... expected) {
    int at = command.indexOf(expected[0]);
    assertTrue(at >= 0, () -> expected[0] + " missing from " + command);
    assertEquals(
        List.of(expected),
        command.subList(at, Math.min(command.size(), at + expected.length)),
        command::toString);
  }
}
