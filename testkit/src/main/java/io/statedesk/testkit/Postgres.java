package io.statedesk.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A throw-away PostgreSQL server from Debian's {@code postgresql} package, for the persistence
 * tests: a new cluster under a temporary directory, on a free loopback port, with trust
 * authentication, one database and one user named {@code statedesk}.
 *
 * <p>PostgreSQL refuses to run as root; when the tests run as root (CI containers do), the
 * cluster's directory is handed to the {@code postgres} user that the package creates and the
 * server commands run through {@code runuser}.
 */
public final class Postgres implements AutoCloseable {

  public static final String DATABASE = "statedesk";
  public static final String USER = "statedesk";

  private final Path bin;
  private final Path dir;
  private final int port;

  private Postgres(Path bin, Path dir, int port) {
    this.bin = bin;
    this.dir = dir;
    this.port = port;
  }

  /** The newest {@code /usr/lib/postgresql/N/bin} with {@code initdb}, if the package is there. */
  public static Optional<Path> binaries() {
    Path root = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(root)) {
      return Optional.empty();
    }
    try (Stream<Path> versions = Files.list(root)) {
      return versions
          .map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("initdb")))
          .max(
              Comparator.comparingInt(
                  b -> Integer.parseInt(b.getParent().getFileName().toString())));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * Creates and starts a cluster.
   *
   * @throws IllegalStateException if the package is missing or a command fails (with its output)
   */
  public static Postgres start() {
    Path bin =
        binaries()
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "PostgreSQL is not installed: apt-get install postgresql"));
    try {
      Path dir = Files.createTempDirectory("statedesk-pg-");
      int port = Ports.free();
      Postgres pg = new Postgres(bin, dir, port);
      if (isRoot()) {
        run(List.of("chown", "-R", "postgres:postgres", dir.toString()));
      }
      pg.server(
          bin.resolve("initdb").toString(),
          "-D",
          dir.resolve("data").toString(),
          "-U",
          USER,
          "--auth=trust",
          "-E",
          "UTF8",
          "--no-sync");
      pg.server(
          bin.resolve("pg_ctl").toString(),
          "-D",
          dir.resolve("data").toString(),
          "-l",
          dir.resolve("server.log").toString(),
          "-o",
          "-p " + port + " -k " + dir + " -c listen_addresses=localhost -c fsync=off",
          "-w",
          "-t",
          "60",
          "start");
      pg.createDatabase(DATABASE);
      return pg;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public int port() {
    return port;
  }

  /**
   * Creates another database on this server, owned by {@link #USER}: a test server of its own gets
   * a database of its own, as each has its own embedded H2.
   */
  public void createDatabase(String name) {
    run(
        List.of(
            bin.resolve("createdb").toString(),
            "-h",
            "localhost",
            "-p",
            String.valueOf(port),
            "-U",
            USER,
            name));
  }

  public String jdbcUrl() {
    return "jdbc:postgresql://localhost:" + port + "/" + DATABASE;
  }

  /**
   * Prints each deadlock the server logged, with both statements: the client's error names only its
   * own, and the log goes with the temporary directory.
   */
  private void reportDeadlocks() {
    Path log = dir.resolve("server.log");
    if (!Files.isReadable(log)) {
      return;
    }
    try {
      List<String> lines = Files.readAllLines(log);
      for (int i = 0; i < lines.size(); i++) {
        if (lines.get(i).contains("deadlock detected")) {
          System.err.println("PostgreSQL logged a deadlock:");
          lines.subList(i, Math.min(lines.size(), i + 12)).forEach(System.err::println);
        }
      }
    } catch (IOException | UncheckedIOException e) {
      System.err.println("PostgreSQL's log not read: " + e);
    }
  }

  /** Runs a server command, as the {@code postgres} user when we are root. */
  private void server(String... command) {
    List<String> line = new ArrayList<>();
    if (isRoot()) {
      line.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    line.addAll(List.of(command));
    run(line);
  }

  private static boolean isRoot() {
    return "root".equals(System.getProperty("user.name"));
  }

  private static void run(List<String> command) {
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(p.getInputStream().readAllBytes());
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    reportDeadlocks();
    try {
      server(
          bin.resolve("pg_ctl").toString(),
          "-D",
          dir.resolve("data").toString(),
          "-m",
          "fast",
          "-w",
          "stop");
    } finally {
      try (Stream<Path> all = Files.walk(dir)) {
        all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException e) {
        System.err.println("PostgreSQL test directory not removed: " + dir + " (" + e + ")");
      }
    }
  }
}
