package io.statedesk.servers;

import io.statedesk.testkit.Http;
import io.statedesk.testkit.Ldap;
import io.statedesk.testkit.Ports;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One full application server of the matrix, unzipped fresh from its Maven Central distribution,
 * configured by the repository's checked-in scripts, with the EAR and the simulator deployed.
 *
 * <p>Subclasses run exactly the commands the operator guide gives ({@code asadmin}, {@code
 * jboss-cli.sh}), through {@code bash} so that file modes lost by the unzip do not matter.
 */
abstract class AppServer implements AutoCloseable {

  static final HttpClient HTTP = Http.newClient();

  /** A Guid as the gateway issues it; none may ever appear in a server's log. */
  static final Pattern GUID =
      Pattern.compile(
          "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\.AgentGateway");

  final Path matrixDir = Path.of(required("matrix.dir"));
  final Path scripts = Path.of(required("matrix.scripts"));
  final Path ear = matrixDir.resolve("statedesk.ear");
  final Path simulator = matrixDir.resolve("agentgateway.war");

  /** Stops the server; never throws, so that a failed test still cleans up. */
  @Override
  public abstract void close();

  /** e.g. {@code http://localhost:20080} */
  abstract String baseUrl();

  /** The server whose simulator is this console's gateway: this one, unless a subclass says. */
  String gatewayBaseUrl() {
    return baseUrl();
  }

  /** The MicroProfile Health readiness URL. */
  abstract String readinessUrl();

  /** The server's log file, for greps (no Guid may ever appear). */
  abstract Path logFile();

  /** A short name for reports: "Payara Server 6.2025.10". */
  abstract String name();

  String consoleUrl() {
    return baseUrl() + "/statedesk";
  }

  String log() {
    try {
      return Files.readString(logFile(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether the server's log shows a Guid anywhere (it never may). */
  boolean logShowsAGuid() {
    return GUID.matcher(log()).find();
  }

  static String basic(String user, String password) {
    return "Basic "
        + Base64.getEncoder()
            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
  }

  /**
   * A call to the console's API ({@code path} after {@code /api}) as whoever {@code authorization}
   * says.
   */
  HttpResponse<String> api(String method, String path, String body, String authorization) {
    HttpRequest.Builder request =
        Http.request(method, consoleUrl() + "/api" + path, body, "Content-Type", "application/json")
            .timeout(Duration.ofSeconds(60));
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    return Http.send(HTTP, request.build());
  }

  /**
   * The environment of the server process: what depends on this run's ports, and LDAP sign-in
   * against the test JVM's in-memory directory (MicroProfile Config's environment names: {@code
   * statedesk.security.ldap.url} is {@code STATEDESK_SECURITY_LDAP_URL}).
   */
  Map<String, String> environment() {
    Map<String, String> env = new HashMap<>();
    env.put("STATEDESK_GATEWAY_URL", gatewayBaseUrl() + "/agentgateway/resource");
    env.put("STATEDESK_PUBLIC_URL", consoleUrl() + "/");
    ldap()
        .consoleSettings()
        .forEach((k, v) -> env.put(k.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_"), v));
    return env;
  }

  private static Ldap ldap;

  /** One in-memory LDAP directory for every server of the matrix. */
  static synchronized Ldap ldap() {
    if (ldap == null) {
      ldap = Ldap.start();
    }
    return ldap;
  }

  static String required(String name) {
    String value = System.getProperty(name);
    if (value == null || value.isBlank()) {
      throw new IllegalStateException("system property " + name + " is not set (see pom.xml)");
    }
    return value;
  }

  /** Deletes {@code dir} and unzips {@code zip} into it; returns its single top directory. */
  static Path unzipFresh(Path zip, Path dir) {
    try {
      if (Files.exists(dir)) {
        try (Stream<Path> all = Files.walk(dir)) {
          all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      Files.createDirectories(dir);
      try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
        for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
          Path target = dir.resolve(e.getName()).normalize();
          if (!target.startsWith(dir)) {
            throw new IOException("zip entry outside the target: " + e.getName());
          }
          if (e.isDirectory()) {
            Files.createDirectories(target);
          } else {
            Files.createDirectories(target.getParent());
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
          }
        }
      }
      try (Stream<Path> top = Files.list(dir)) {
        return top.filter(Files::isDirectory).findFirst().orElseThrow();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("unzip " + zip, e);
    }
  }

  /**
   * Runs a command to its end and returns its output.
   *
   * @throws IllegalStateException with the output when it fails or takes longer than {@code limit}
   */
  static String run(Path dir, Map<String, String> env, Duration limit, String... command) {
    try {
      ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
      builder.environment().putAll(env);
      builder.redirectErrorStream(true);
      Path out = Files.createTempFile(dir, "command", ".log");
      builder.redirectOutput(out.toFile());
      Process p = builder.start();
      boolean done = p.waitFor(limit.toSeconds(), TimeUnit.SECONDS);
      String output = Files.readString(out);
      if (!done) {
        p.descendants().forEach(ProcessHandle::destroyForcibly);
        p.destroyForcibly();
        throw new IllegalStateException(
            String.join(" ", command) + " took longer than " + limit + ":\n" + output);
      }
      if (p.exitValue() != 0) {
        throw new IllegalStateException(
            String.join(" ", command) + " failed (" + p.exitValue() + "):\n" + output);
      }
      return output;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Waits until {@code url} answers 200, or fails naming the last answer and the log's tail. */
  void awaitOk(String url, Duration limit) {
    String[] last = {"no answer"};
    try {
      Awaitility.await(url + " ready")
          .atMost(limit)
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> {
                try {
                  HttpResponse<String> r =
                      HTTP.send(
                          HttpRequest.newBuilder(URI.create(url))
                              .timeout(Duration.ofSeconds(10))
                              .build(),
                          HttpResponse.BodyHandlers.ofString());
                  last[0] = r.statusCode() + " " + r.body();
                  return r.statusCode() == 200;
                } catch (IOException e) {
                  last[0] = e.toString();
                  return false;
                }
              });
    } catch (ConditionTimeoutException e) {
      throw new IllegalStateException(
          name() + ": " + url + " not ready after " + limit + " (" + last[0] + ")\n" + tail(80), e);
    }
  }

  String tail(int lines) {
    try {
      List<String> all =
          Files.exists(logFile()) ? Files.readAllLines(logFile()) : new ArrayList<>();
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e + ")";
    }
  }

  /**
   * A base port such that {@code base + offset} is free for every offset given, and reserved in
   * this JVM ({@link Ports#reserveAll}, which the test kit's other servers' ports come from too):
   * servers of the matrix start at once (Payara Server and WildFly side by side, two WildFly
   * consoles, their PostgreSQL), and a port that is free here may be one another server has chosen
   * but not bound yet.
   */
  static int freeBase(int from, int to, int step, int... offsets) {
    for (int base = from; base < to; base += step) {
      int[] ports = new int[offsets.length];
      for (int i = 0; i < offsets.length; i++) {
        ports[i] = base + offsets[i];
      }
      if (Ports.reserveAll(ports)) {
        return base;
      }
    }
    throw new IllegalStateException("no free ports between " + from + " and " + to);
  }
}
