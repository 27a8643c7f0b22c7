package io.statedesk.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.statedesk.core.gateway.GatewayRecords.SignInMode;
import io.statedesk.core.gateway.GatewayRecords.SignInRequest;
import io.statedesk.core.testing.Control;
import io.statedesk.core.testing.SimulatorServer;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The gateway client over HTTPS against the simulator's TLS port: refused without the gateway's
 * certificate, accepted with it in a PKCS12 truststore made by keytool, and a truststore with the
 * wrong password named as such.
 */
class GatewayClientTlsIT {

  static final int AGENT = GatewayClientIT.AGENT;

  @BeforeEach
  void setUp() {
    Control.reset(2, 60_000, 120_000, 120_000, 1_000);
  }

  /**
   * Why one method: the truststore, the refusal without it and the wrong password are one setup of
   * keystores; split, each part would make them again.
   */
  @Test
  void tlsWithTheGatewayCertificateInATruststoreAndRefusedWithout(@TempDir Path dir)
      throws Exception {
    String httpsUrl = SimulatorServer.get().sslBaseUrl() + "/agentgateway/resource";
    try (GatewayClient untrusted = new GatewayClient(GatewayConfig.of(httpsUrl))) {
      assertThat(
              GatewayClientIT.catchUnavailable(
                      () ->
                          untrusted.signIn(
                              AGENT,
                              new SignInRequest("Sim#" + AGENT, "7" + AGENT, 4),
                              SignInMode.LOGINEX))
                  .kind())
          .isEqualTo(GatewayUnavailableException.Kind.TLS);
    }
    // The operator guide's steps: fetch the gateway's certificate, import it into a PKCS12
    // truststore.
    Path pem = dir.resolve("gateway.pem");
    Path truststore = dir.resolve("gateway-truststore.p12");
    String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
    run(
        dir,
        keytool,
        "-printcert",
        "-rfc",
        "-sslserver",
        "localhost:" + SimulatorServer.get().sslPort());
    Files.writeString(pem, Files.readString(dir.resolve("out.txt")));
    run(
        dir,
        keytool,
        "-importcert",
        "-noprompt",
        "-alias",
        "gateway",
        "-file",
        pem.toString(),
        "-keystore",
        truststore.toString(),
        "-storetype",
        "PKCS12",
        "-storepass",
        "changeit");
    try (GatewayClient trusted =
        new GatewayClient(
            GatewayConfig.of(httpsUrl)
                .withTruststore(truststore, "PKCS12", "changeit".toCharArray()))) {
      GatewayAuth auth =
          trusted
              .signIn(AGENT, new SignInRequest("Sim#" + AGENT, "7" + AGENT, 4), SignInMode.LOGINEX)
              .auth();
      trusted.setCustomState(auth, new CustomState(42));
      assertThat(trusted.queryCustomState(auth)).contains(new CustomState(42));
    }
    assertThatThrownBy(
            () ->
                new GatewayClient(
                    GatewayConfig.of(httpsUrl)
                        .withTruststore(truststore, "PKCS12", "wrong".toCharArray())))
        .hasMessageContaining("Cannot read the gateway truststore");
  }

  static void run(Path dir, String... command) throws Exception {
    Process p =
        new ProcessBuilder(command)
            .directory(dir.toFile())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("out.txt").toFile())
            .start();
    assertThat(p.waitFor())
        .as(String.join(" ", command) + ": " + Files.readString(dir.resolve("out.txt")))
        .isZero();
  }
}
