package io.statedesk.core.gateway;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How to reach the gateway.
 *
 * @param baseUrl the gateway's {@code .../agentgateway/resource} URL
 * @param connectTimeout TCP (and TLS) connect timeout
 * @param readTimeout how long to wait for an answer; must exceed the gateway's poll hold (~10 s)
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
    Duration readTimeout,
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
        null,
        "PKCS12",
        null,
        true,
        PollTransport.JDK);
  }

  public GatewayConfig withTruststore(Path file, String type, char[] password) {
    return new GatewayConfig(
        baseUrl, connectTimeout, readTimeout, file, type, password, verifyHostname, pollTransport);
  }

  public GatewayConfig withTimeouts(Duration connect, Duration read) {
    return new GatewayConfig(
        baseUrl,
        connect,
        read,
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
        readTimeout,
        truststore,
        truststoreType,
        truststorePassword,
        verifyHostname,
        transport);
  }

  @Override
  public String toString() {
    return "GatewayConfig[baseUrl="
        + baseUrl
        + ", connectTimeout="
        + connectTimeout
        + ", readTimeout="
        + readTimeout
        + ", truststore="
        + truststore
        + ", verifyHostname="
        + verifyHostname
        + ", pollTransport="
        + pollTransport
        + "]";
  }
}
