package io.statedesk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Turns a {@link PayaraMicro.Builder}'s settings into a running server: the work directory, the
 * command line (with the files Payara Micro reads its system properties and post-boot commands
 * from), the process, and the wait until it is ready. Apart from the builder so that the builder
 * only collects settings and the command line can be checked without starting anything.
 */
final class MicroLauncher {

  private MicroLauncher() {}

  /** Starts the process and waits until every readiness path answers. */
  static PayaraMicro start(PayaraMicro.Builder b) {
    try {
      Path dir = b.workDir != null ? b.workDir : Files.createTempDirectory("statedesk-micro-");
      Files.createDirectories(dir);
      int httpPort = b.port > 0 ? b.port : PayaraMicro.freePort();
      List<String> command = command(b, dir, httpPort);
      Path log = dir.resolve("server.log");
      Process process =
          new ProcessBuilder(command)
              .directory(dir.toFile())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
              .start();
      PayaraMicro server = new PayaraMicro(process, httpPort, b.sslPort, dir, log);
      Readiness.await(server, process, b.readinessPaths, b.startupTimeout);
      return server;
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start Payara Micro", e);
    }
  }

  /**
   * The settings of every test server: C1 alone, the quick-start compiler, and passwords hashed
   * with 10,000 PBKDF2 iterations instead of the production default's 600,000.
   *
   * <p>Why not the optimising compiler as well: a test server boots, answers some thousands of
   * requests and stops, and three to eight of them share two cores. Tried on 2026-12-04: tiered
   * compilation with C2's thresholds raised tenfold looked better for one server alone (a password
   * check's 600,000 PBKDF2 iterations 520-600 -> about 90 ms of CPU, a repeated API call 100 -> 44
   * ms, a boot 36 -> 40 CPU-seconds), but in a whole run core's integration tests took 12.2 minutes
   * instead of 7.8 and the bulk classes two to three times as long: code that is warm but never hot
   * enough for C2 then runs as C1 code with full profiling, slower than C1 alone.
   *
   * <p>Why fewer iterations: without C2, SHA-256 runs without its intrinsic, and one hash at
   * 600,000 iterations cost 1.2 CPU-seconds; a boot spent 11 of its 25 CPU-seconds seeding the
   * three demo users (a profile of 2026-12-05), and every sign-in of a browser test cost as much
   * again. The count is a console setting ({@code statedesk.security.password.iterations}, core's
   * {@code PasswordHashingTest} pins the default); no test is about the cost of a hash, and the
   * benchmarks ({@link PayaraMicro.Builder#productionSettings()}) keep the production count.
   */
  static final List<String> TEST_SETTINGS =
      List.of("-XX:TieredStopAtLevel=1", "-Dstatedesk.security.password.iterations=10000");

  /**
   * The command line for a server in {@code dir} on {@code httpPort}; copies the WARs into {@code
   * dir/deploy} and writes the system-properties and post-boot files it names.
   */
  static List<String> command(PayaraMicro.Builder b, Path dir, int httpPort) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx" + b.maxHeap);
    if (b.testSettings) {
      command.addAll(TEST_SETTINGS);
    }
    command.add("-Djava.awt.headless=true");
    command.addAll(b.jvmOptions);
    command.add("-jar");
    command.add(b.microJar.toString());
    command.add("--nocluster");
    command.add("--port");
    command.add(Integer.toString(httpPort));
    if (b.sslPort > 0) {
      command.add("--sslport");
      command.add(Integer.toString(b.sslPort));
    }
    for (Path jar : b.libraries) {
      command.add("--addlibs");
      command.add(jar.toString());
    }
    Path deployDir = Files.createDirectories(dir.resolve("deploy"));
    for (Map.Entry<String, Path> d : b.deployments.entrySet()) {
      Path target = deployDir.resolve(d.getKey() + ".war");
      Files.copy(d.getValue(), target, StandardCopyOption.REPLACE_EXISTING);
      command.add("--deploy");
      command.add(target.toString());
    }
    if (!b.systemProperties.isEmpty()) {
      Path props = dir.resolve("system.properties");
      Files.writeString(
          props,
          b.systemProperties.entrySet().stream()
              .map(e -> escape(e.getKey()) + "=" + escape(e.getValue()))
              .collect(Collectors.joining("\n", "", "\n")),
          StandardCharsets.ISO_8859_1);
      command.add("--systemproperties");
      command.add(props.toString());
    }
    if (!b.postBootCommands.isEmpty()) {
      Path postBoot = dir.resolve("post-boot.asadmin");
      Files.write(postBoot, b.postBootCommands, StandardCharsets.UTF_8);
      command.add("--postbootcommandfile");
      command.add(postBoot.toString());
    }
    return command;
  }

  /** A properties-file key or value: backslashes, line breaks, {@code =} and {@code :} escaped. */
  static String escape(String s) {
    return s.replace("\\", "\\\\").replace("\n", "\\n").replace("=", "\\=").replace(":", "\\:");
  }
}
