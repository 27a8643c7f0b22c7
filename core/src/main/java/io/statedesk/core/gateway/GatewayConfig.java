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
 */
public record GatewayConfig(
    URI baseUrl,
    Duration connectTimeout,
    Duration readTimeout,
    Path truststore,
    String truststoreType,
    char[] truststorePassword,
    boolean verifyHostname) {

  /** A plain-HTTP or default-trust configuration with the usual timeouts. */
  public static GatewayConfig of(String baseUrl) {
    return new GatewayConfig(
        URI.create(baseUrl),
        Duration.ofSeconds(3),
        Duration.ofSeconds(15),
        null,
        "PKCS12",
        null,
        true);
  }

  public GatewayConfig withTruststore(Path file, String type, char[] password) {
    return new GatewayConfig(
        baseUrl, connectTimeout, readTimeout, file, type, password, verifyHostname);
  }

  public GatewayConfig withTimeouts(Duration connect, Duration read) {
    return new GatewayConfig(
        baseUrl, connect, read, truststore, truststoreType, truststorePassword, verifyHostname);
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
        + "]";
  }
}
