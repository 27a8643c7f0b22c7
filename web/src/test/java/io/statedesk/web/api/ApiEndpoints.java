package io.statedesk.web.api;

import io.statedesk.web.ConsoleServer;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Path;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * Every resource method of the API, found by reflection over the compiled classes of {@code
 * io.statedesk.web.api}: a new endpoint is covered by the tests that use this without anyone
 * listing it.
 */
final class ApiEndpoints {

  /** One resource method: HTTP method, path under /api, accepted media types. */
  record Endpoint(String method, String path, List<String> consumes, String javaMethod) {
    boolean write() {
      return !method.equals("GET") && !method.equals("HEAD") && !method.equals("OPTIONS");
    }

    /** The path with each template parameter replaced by a value the route accepts. */
    String samplePath() {
      return path.replaceAll("\\{[^}]+}", "1");
    }

    @Override
    public String toString() {
      return method + " /api" + path + " (" + javaMethod + ")";
    }
  }

  private ApiEndpoints() {}

  static List<Endpoint> all() {
    List<Endpoint> found = new ArrayList<>();
    for (Class<?> type : resourceClasses()) {
      String base = type.getAnnotation(Path.class).value();
      for (Method m : type.getMethods()) {
        String http = httpMethod(m);
        if (http == null || hidden(m)) {
          continue;
        }
        Path sub = m.getAnnotation(Path.class);
        found.add(
            new Endpoint(
                http,
                join(base, sub == null ? "" : sub.value()),
                consumes(m),
                type.getSimpleName() + "." + m.getName()));
      }
    }
    found.sort(Comparator.comparing(Endpoint::path).thenComparing(Endpoint::method));
    return found;
  }

  static HttpResponse<String> untyped(String method, String path, String authorization) {
    try {
      return Api.HTTP.send(
          HttpRequest.newBuilder(URI.create(ConsoleServer.consoleUrl() + "/api" + path))
              .method(method, HttpRequest.BodyPublishers.noBody())
              .header("Authorization", authorization)
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static List<Class<?>> resourceClasses() {
    try {
      java.nio.file.Path dir =
          java.nio.file.Path.of(
                  RestApplication.class.getProtectionDomain().getCodeSource().getLocation().toURI())
              .resolve("io/statedesk/web/api");
      try (Stream<java.nio.file.Path> files = Files.list(dir)) {
        return files
            .map(f -> f.getFileName().toString())
            .filter(n -> n.endsWith(".class") && !n.contains("$"))
            .<Class<?>>map(n -> load("io.statedesk.web.api." + n.substring(0, n.length() - 6)))
            .filter(c -> c.isAnnotationPresent(Path.class))
            .toList();
      }
    } catch (IOException | URISyntaxException e) {
      throw new IllegalStateException("cannot list the API's classes", e);
    }
  }

  private static Class<?> load(String name) {
    try {
      return Class.forName(name);
    } catch (ClassNotFoundException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String httpMethod(Method m) {
    return Arrays.stream(m.getAnnotations())
        .map(a -> a.annotationType().getAnnotation(HttpMethod.class))
        .filter(h -> h != null)
        .map(HttpMethod::value)
        .findFirst()
        .orElse(null);
  }

  private static boolean hidden(Method m) {
    Operation op = m.getAnnotation(Operation.class);
    return op != null && op.hidden();
  }

  private static List<String> consumes(Method m) {
    Consumes c = m.getAnnotation(Consumes.class);
    if (c == null) {
      c = m.getDeclaringClass().getAnnotation(Consumes.class);
    }
    return c == null
        ? List.of("application/json") // WriteMediaTypes' default for a write without @Consumes
        : Arrays.stream(c.value())
            .flatMap(v -> Arrays.stream(v.split(",")))
            .map(String::strip)
            .toList();
  }

  private static String join(String base, String sub) {
    String b = base.isEmpty() ? "" : "/" + base.replaceAll("^/+|/+$", "");
    String s = sub.isEmpty() ? "" : "/" + sub.replaceAll("^/+|/+$", "");
    return (b + s).isEmpty() ? "/" : b + s;
  }
}
