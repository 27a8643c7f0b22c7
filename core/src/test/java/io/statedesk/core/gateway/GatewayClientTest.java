package io.statedesk.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.time.Duration;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

class GatewayClientTest {

  @Test
  void everyDocumentedRetcodeHasAClass() {
    assertThat(Retcodes.of("100-006").retcodeClass()).isEqualTo(RetcodeClass.STALE_SESSION);
    assertThat(Retcodes.of("000-003").retcodeClass()).isEqualTo(RetcodeClass.STALE_SESSION);
    assertThat(Retcodes.of("000-002").retcodeClass()).isEqualTo(RetcodeClass.INVALID_REQUEST);
    assertThat(Retcodes.of("100-009").retcodeClass()).isEqualTo(RetcodeClass.AGENT_STATE);
    assertThat(Retcodes.of("100-007").retcodeClass()).isEqualTo(RetcodeClass.TRANSIENT);
    assertThat(Retcodes.of("000-004").retcodeClass()).isEqualTo(RetcodeClass.TRANSIENT);
    assertThat(Retcodes.of("000-007").retcodeClass()).isEqualTo(RetcodeClass.TRANSIENT);
    assertThat(Retcodes.of("999-999").retcodeClass()).isEqualTo(RetcodeClass.UNKNOWN);
    assertThat(Retcodes.of("999-999").code()).isEqualTo("999-999");
    assertThat(Retcodes.all())
        .hasSizeGreaterThan(35)
        .allSatisfy(r -> assertThat(r.meaning()).isNotBlank());
  }

  @Test
  void guidsAreMaskedAndParsedFromSetGuid() {
    String guid = "279fe21d-2caa-4437-84c3-ab9e9dae20f5.AgentGateway0";
    assertThat(Guids.mask(guid)).isEqualTo("279f…");
    assertThat(Guids.mask(null)).isEqualTo("-");
    assertThat(Guids.fromSetGuid("JSESSIONID=" + guid)).isEqualTo(guid);
    assertThat(Guids.fromSetGuid("jsessionid=" + guid + "; Path=/")).isEqualTo(guid);
    assertThat(Guids.fromSetGuid(guid)).isEqualTo(guid);
    assertThat(Guids.isWellFormed(guid)).isTrue();
    assertThat(Guids.isWellFormed("<script>alert(1)</script>")).isFalse();
    assertThat(Guids.isWellFormed("short")).isFalse();
    assertThat(new GatewayAuth(10001, guid, "NSLB=1").toString())
        .doesNotContain("2caa")
        .doesNotContain("NSLB");
  }

  @Test
  void cookiesAndRetryAfterAreRead() {
    assertThat(GatewayClient.cookiePair("NSLB_ROUTE=node1-abc; Path=/; HttpOnly"))
        .isEqualTo("NSLB_ROUTE=node1-abc");
    assertThat(GatewayClient.cookiePair(null)).isNull();
    assertThat(
            GatewayClient.cookieHeader(
                java.util.List.of("NSLB_ROUTE=node1; Path=/", "JSESSIONID=abc; HttpOnly", "junk")))
        .as("every Set-Cookie of a sign-in is replayed, not only the first")
        .isEqualTo("NSLB_ROUTE=node1; JSESSIONID=abc");
    assertThat(GatewayClient.cookieHeader(java.util.List.of())).isNull();
    assertThat(GatewayClient.retryAfter("3")).isEqualTo(Duration.ofSeconds(3));
    assertThat(GatewayClient.retryAfter("garbage")).isNull();
    assertThat(GatewayClient.retryAfter("Wed, 21 Oct 2099 07:28:00 GMT")).isPositive();
  }

  @Test
  void transportFailuresAreClassified() {
    assertThat(
            kind(
                new jakarta.ws.rs.ProcessingException(
                    new SocketTimeoutException("read timed out"))))
        .isEqualTo(GatewayUnavailableException.Kind.TIMEOUT);
    assertThat(kind(new jakarta.ws.rs.ProcessingException(new ConnectException("refused"))))
        .isEqualTo(GatewayUnavailableException.Kind.CONNECT);
    assertThat(kind(new jakarta.ws.rs.ProcessingException(new SSLHandshakeException("PKIX path"))))
        .isEqualTo(GatewayUnavailableException.Kind.TLS);
    assertThat(GatewayClient.translate("x", 101, new SSLHandshakeException("no")).isRetryable())
        .isFalse();
  }

  static GatewayUnavailableException.Kind kind(Throwable t) {
    return ((GatewayUnavailableException) GatewayClient.translate("setCustomState", 10001, t))
        .kind();
  }
}
