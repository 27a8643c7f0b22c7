package io.statedesk.core.gateway;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;

/**
 * How to reach the gateway.
 *
 * @param baseUrl the gateway's {@code .../agentgateway/resource} URL
 * @param connectTimeout TCP (and TLS) connect timeout
 * @param pollTimeout how long to wait for the answer to a held event poll; must exceed the
 *     gateway's poll hold (~10 s)
 * @param operationTimeout how long to wait for the answer to any other call (sign-in, custom state,
 *     queries): at most 10 s, so that a hung gateway node costs a bulk change or a sign-in thread
 *     seconds, not the poll's quarter minute
 * @param truststore a PKCS12 or JKS file with the gateway's certificate, or {@code null} for the
 *     JVM's default trust
 * @param truststoreType {@code PKCS12} or {@code JKS}
 * @param truststorePassword the truststore's password (never logged)
 * @param verifyHostname {@code false} only by explicit configuration, and then warned about
 * @param pollTransport how event long-polls travel (see {@link PollTransport})
 */
public record GatewayConfig(
    URI baseUrl,
    Duration connectTimeout,
    Duration pollTimeout,
    Duration operationTimeout,
    Path truststore,
    String truststoreType,
    char[] truststorePassword,
    boolean verifyHostname,
    PollTransport pollTransport) {

  /** How the event long-poll is sent. */
  public enum PollTransport {
    /**
     * The JDK's non-blocking {@code java.net.http.HttpClient}: a held poll costs a socket, not a
     * thread, so thousands of hosted sessions fit in a few threads. The default.
     */
    JDK,
    /**
     * {@code jakarta.ws.rs.client}'s async API. Portable, but the servers run it on a bounded
     * executor with a blocking connector (one thread per held poll; on Payara about 25 at a time),
     * so it suits only a few dozen hosted sessions.
     */
    JAXRS
  }

  /** A plain-HTTP or default-trust configuration with the usual timeouts. */
  public static GatewayConfig of(String baseUrl) {
    return new GatewayConfig(
        URI.create(baseUrl),
        Duration.ofSeconds(3),
        Duration.ofSeconds(15),
        Duration.ofSeconds(8),
        null,
        "PKCS12",
        null,
        true,
        PollTransport.JDK);
  }

  public GatewayConfig withTruststore(Path file, String type, char[] password) {
    return new GatewayConfig(
        baseUrl,
        connectTimeout,
        pollTimeout,
        operationTimeout,
        file,
        type,
        password,
        verifyHostname,
        pollTransport);
  }

  /** Connect and poll timeouts; operations wait as long as a poll, at most 10 s. */
  public GatewayConfig withTimeouts(Duration connect, Duration poll) {
    Duration operation = poll.compareTo(Duration.ofSeconds(10)) < 0 ? poll : Duration.ofSeconds(10);
    return withTimeouts(connect, poll, operation);
  }

  public GatewayConfig withTimeouts(Duration connect, Duration poll, Duration operation) {
    return new GatewayConfig(
        baseUrl,
        connect,
        poll,
        operation,
        truststore,
        truststoreType,
        truststorePassword,
        verifyHostname,
        pollTransport);
  }

  public GatewayConfig withPollTransport(PollTransport transport) {
    return new GatewayConfig(
        baseUrl,
        connectTimeout,
        pollTimeout,
        operationTimeout,
        truststore,
        truststoreType,
        truststorePassword,
        verifyHostname,
        transport);
  }

  /**
   * The {@link #truststore()} file, loaded; both transports trust what it holds.
   *
   * @throws IllegalStateException naming the file and the settings to check, if it cannot be read
   */
  KeyStore loadTruststore() {
    try (InputStream in = Files.newInputStream(truststore)) {
      KeyStore store = KeyStore.getInstance(truststoreType);
      store.load(in, truststorePassword);
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException(
          "Cannot read the gateway truststore "
              + truststore
              + " as "
              + truststoreType
              + ": "
              + e.getMessage()
              + " (check statedesk.gateway.tls.truststore, -type and -password)",
          e);
    }
  }

  @Override
  public String toString() {
    return "GatewayConfig[baseUrl="
        + baseUrl
        + ", connectTimeout="
        + connectTimeout
        + ", pollTimeout="
        + pollTimeout
        + ", operationTimeout="
        + operationTimeout
        + ", truststore="
        + truststore
        + ", verifyHostname="
        + verifyHostname
        + ", pollTransport="
        + pollTransport
        + "]";
  }
}
