package io.statedesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import fish.payara.micro.PayaraMicro;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.spi.JsonbProvider;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.spi.ValidationProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The JSON-B (Yasson) and Bean Validation (Hibernate Validator, with an EL for its messages)
 * implementations Payara Micro runs the console with, for unit tests of the API's records without a
 * server.
 *
 * <p>Why from the payara-micro jar: the web module only compiles against the Jakarta EE APIs (the
 * server provides the implementations), and the ITs already depend on payara-micro, whose {@code
 * MICRO-INF/runtime} holds these jars. Taking them from there needs no dependency of its own and
 * tests the very versions the console runs with. They are loaded by a class loader of their own
 * below the test's, so the APIs (jakartaee-api, parsson) stay the test's.
 */
final class ServerLibraries implements BeforeAllCallback, AfterAllCallback {

  private static final List<String> JARS =
      List.of(
          "yasson.jar",
          "hibernate-validator.jar",
          "jboss-logging.jar",
          "classmate.jar",
          "expressly.jar");

  private URLClassLoader loader;
  private Jsonb jsonb;
  private ValidatorFactory validation;

  /**
   * Opens the libraries before the test class; closed after it. A test class registers one as a
   * JUnit extension in a static field. Why an extension: five test classes opened and closed it
   * with the same two methods each.
   */
  @Override
  public void beforeAll(ExtensionContext context) {
    loader = new URLClassLoader(extracted(), ServerLibraries.class.getClassLoader());
    jsonb =
        ServiceLoader.load(JsonbProvider.class, loader)
            .findFirst()
            .orElseThrow(() -> new IllegalStateException("No JSON-B in payara-micro"))
            .create()
            .build();
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(loader); // where Hibernate Validator looks for its EL
    try {
      List<ValidationProvider<?>> providers = new ArrayList<>();
      ServiceLoader.load(ValidationProvider.class, loader).forEach(providers::add);
      validation =
          Validation.byDefaultProvider()
              .providerResolver(() -> providers)
              .configure()
              .buildValidatorFactory();
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  Jsonb jsonb() {
    return jsonb;
  }

  Validator validator() {
    return validation.getValidator();
  }

  /** {@code body} bound to {@code type} as the API binds it ({@link JsonBodies}). */
  <T extends Record> T bind(String body, Class<T> type, Class<?>... groups) {
    return JsonBodies.bind(Json.object(body), type, jsonb, validator(), groups);
  }

  /** An answer as the server writes it. */
  String json(Object answer) {
    return jsonb.toJson(answer);
  }

  /** The error body the client gets (English) for what {@code request} refuses, as JSON. */
  String refusal(Runnable request) {
    Throwable thrown = catchThrowable(request::run);
    assertThat(thrown).as("refused").isInstanceOf(InvalidRequestException.class);
    return json(ApiError.body((InvalidRequestException) thrown, Locale.ENGLISH));
  }

  /** The error body for one broken rule. */
  static String error(String message, String field) {
    return "{\"status\":400,\"error\":\"" + message + "\",\"field\":\"" + field + "\"}";
  }

  @Override
  public void afterAll(ExtensionContext context) {
    close();
  }

  /** Closes the JSON-B, the validators and the class loader. */
  void close() {
    try {
      jsonb.close();
      validation.close();
      loader.close();
    } catch (Exception e) {
      throw new IllegalStateException("Could not close the server libraries", e);
    }
  }

  /** The jars, copied out of payara-micro into target once (they are not read in place). */
  private static URL[] extracted() {
    try {
      Path micro =
          Path.of(PayaraMicro.class.getProtectionDomain().getCodeSource().getLocation().toURI());
      Path dir = Files.createDirectories(Path.of("target", "server-libraries"));
      List<URL> urls = new ArrayList<>();
      try (ZipFile zip = new ZipFile(micro.toFile())) {
        for (String jar : JARS) {
          ZipEntry entry = zip.getEntry("MICRO-INF/runtime/" + jar);
          if (entry == null) {
            throw new IllegalStateException(jar + " is not in " + micro);
          }
          Path target = dir.resolve(jar);
          if (!Files.exists(target) || Files.size(target) != entry.getSize()) {
            try (InputStream in = zip.getInputStream(entry)) {
              Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
            }
          }
          urls.add(target.toUri().toURL());
        }
      }
      return urls.toArray(URL[]::new);
    } catch (URISyntaxException | MalformedURLException e) {
      throw new IllegalStateException(e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
