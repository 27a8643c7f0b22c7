package io.statedesk.core.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The {@code statedesk.gateway.*} settings, checked as a whole, and the one shared {@link
 * GatewayClient} built from them.
 */
@ApplicationScoped
public class GatewaySettings {

  @Inject
  @ConfigProperty(
      name = "statedesk.gateway.url",
      defaultValue = "http://localhost:8080/agentgateway/resource")
  String url;

  @Inject
  @ConfigProperty(name = "statedesk.gateway.connect-timeout-ms", defaultValue = "3000")
  long connectTimeoutMs;

  /** The held event poll's answer timeout: above the gateway's ~10 s hold. */
  @Inject
  @ConfigProperty(name = "statedesk.gateway.poll-timeout-ms", defaultValue = "15000")
  long pollTimeoutMs;

  /** Every other call's answer timeout: short, so a hung node never holds a thread for long. */
  @Inject
  @ConfigProperty(name = "statedesk.gateway.operation-timeout-ms", defaultValue = "8000")
  long operationTimeoutMs;

  @Inject
  @ConfigProperty(name = "statedesk.gateway.tls.truststore")
  Optional<String> truststore;

  @Inject
  @ConfigProperty(name = "statedesk.gateway.tls.truststore-type", defaultValue = "PKCS12")
  String truststoreType;

  @Inject
  @ConfigProperty(name = "statedesk.gateway.tls.truststore-password")
  Optional<String> truststorePassword;

  @Inject
  @ConfigProperty(name = "statedesk.gateway.tls.verify-hostname", defaultValue = "true")
  boolean verifyHostname;

  @Inject
  @ConfigProperty(name = "statedesk.gateway.auth-mode", defaultValue = "2")
  int authMode;

  @Inject
  @ConfigProperty(name = "statedesk.gateway.poll-transport", defaultValue = "jdk")
  String pollTransport;

  /**
   * What is wrong with the settings, one line each, saying how to fix it; empty when they are fine.
   */
  public List<String> problems() {
    List<String> problems = new ArrayList<>();
    try {
      URI uri = URI.create(url);
      if (uri.getScheme() == null
          || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))
          || uri.getHost() == null) {
        problems.add(
            "statedesk.gateway.url must be an http(s) URL of the gateway's /agentgateway/resource, was '"
                + url
                + "'");
      }
    } catch (IllegalArgumentException e) {
      problems.add("statedesk.gateway.url is not a URL: '" + url + "'");
    }
    if (connectTimeoutMs < 100) {
      problems.add(
          "statedesk.gateway.connect-timeout-ms must be at least 100, was " + connectTimeoutMs);
    }
    if (pollTimeoutMs < 11_000) {
      problems.add(
          "statedesk.gateway.poll-timeout-ms must exceed the gateway's ~10 s poll hold (at least 11000), was "
              + pollTimeoutMs);
    }
    if (operationTimeoutMs < 500 || operationTimeoutMs > 10_000) {
      problems.add(
          "statedesk.gateway.operation-timeout-ms must be 500..10000 (a call the gateway does not"
              + " answer within 10 s is better retried), was "
              + operationTimeoutMs);
    }
    if (!pollTransport.equalsIgnoreCase("jdk") && !pollTransport.equalsIgnoreCase("jaxrs")) {
      problems.add(
          "statedesk.gateway.poll-transport must be jdk or jaxrs, was '" + pollTransport + "'");
    }
    if (authMode != 1 && authMode != 2) {
      problems.add("statedesk.gateway.auth-mode must be 1 or 2, was " + authMode);
    }
    truststore.ifPresent(path -> truststoreProblem(path).ifPresent(problems::add));
    return problems;
  }

  /**
   * What is wrong with the truststore file, if anything: it must be readable and open as its type.
   */
  private Optional<String> truststoreProblem(String path) {
    if (!Files.isReadable(Path.of(path))) {
      return Optional.of(
          "statedesk.gateway.tls.truststore '"
              + path
              + "' is not a readable file (create it with keytool -importcert, see the"
              + " operator guide)");
    }
    try (var in = Files.newInputStream(Path.of(path))) {
      KeyStore.getInstance(truststoreType)
          .load(in, truststorePassword.map(String::toCharArray).orElse(null));
    } catch (IOException | GeneralSecurityException e) {
      return Optional.of(
          "statedesk.gateway.tls.truststore '"
              + path
              + "' cannot be opened as "
              + truststoreType
              + " (wrong statedesk.gateway.tls.truststore-password or type?): "
              + e.getMessage());
    }
    return Optional.empty();
  }

  public int authMode() {
    return authMode;
  }

  public String url() {
    return url;
  }

  /** The client configuration. */
  public GatewayConfig config() {
    GatewayConfig config =
        new GatewayConfig(
            URI.create(url),
            Duration.ofMillis(connectTimeoutMs),
            Duration.ofMillis(pollTimeoutMs),
            Duration.ofMillis(operationTimeoutMs),
            null,
            truststoreType,
            null,
            verifyHostname,
            GatewayConfig.PollTransport.valueOf(pollTransport.trim().toUpperCase(Locale.ROOT)));
    if (truststore.isPresent()) {
      config =
          config.withTruststore(
              Path.of(truststore.get()),
              truststoreType,
              truststorePassword.map(String::toCharArray).orElse(null));
    }
    return config;
  }

  /** The console's one gateway client, shared by sessions, directory and bulk changes. */
  @Produces
  @Singleton
  GatewayClient client() {
    return new GatewayClient(config());
  }

  void close(@Disposes GatewayClient client) {
    client.close();
  }
}
