package io.statedesk.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.ws.rs.ProcessingException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import javax.net.ssl.SSLHandshakeException;
import org.junit.jupiter.api.Test;

/** Transport failures, as either client throws them, to the kinds callers decide retries by. */
class GatewayFailuresTest {

  @Test
  void transportFailuresAreClassified() {
    assertThat(kind(new ProcessingException(new SocketTimeoutException("read timed out"))))
        .isEqualTo(GatewayUnavailableException.Kind.TIMEOUT);
    assertThat(kind(new HttpTimeoutException("request timed out")))
        .isEqualTo(GatewayUnavailableException.Kind.TIMEOUT);
    assertThat(kind(new ProcessingException(new ConnectException("refused"))))
        .isEqualTo(GatewayUnavailableException.Kind.CONNECT);
    assertThat(kind(new ProcessingException(new UnknownHostException("gw.example"))))
        .isEqualTo(GatewayUnavailableException.Kind.CONNECT);
    assertThat(kind(new ProcessingException(new SSLHandshakeException("PKIX path"))))
        .isEqualTo(GatewayUnavailableException.Kind.TLS);
    assertThat(kind(new IOException("connection reset")))
        .as("anything else: the gateway was not reachable")
        .isEqualTo(GatewayUnavailableException.Kind.CONNECT);
    assertThat(GatewayFailures.translate("x", 101, new SSLHandshakeException("no")).isRetryable())
        .isFalse();
  }

  @Test
  void aFuturesWrapperIsLookedThroughAndATypedFailurePassesUnchanged() {
    assertThat(kind(new CompletionException(new HttpTimeoutException("slow"))))
        .isEqualTo(GatewayUnavailableException.Kind.TIMEOUT);
    assertThat(kind(new ExecutionException(new ConnectException("refused"))))
        .isEqualTo(GatewayUnavailableException.Kind.CONNECT);
    GatewayRejectedException rejected =
        new GatewayRejectedException("getAgentEvent", 10001, Retcodes.of("100-006"));
    assertThat(GatewayFailures.translate("other", 1, new CompletionException(rejected)))
        .isSameAs(rejected);
  }

  @Test
  void theFailureNamesTheRequestsOperationAndAgent() {
    GatewayRequest poll = GatewayRequest.poll(new GatewayAuth(10001, "g", null));
    GatewayException failure = GatewayFailures.translate(poll, new ConnectException("refused"));
    assertThat(failure.operation()).isEqualTo("getAgentEvent");
    assertThat(failure.agentId()).isEqualTo(10001);
    assertThat(failure.getMessage()).contains("ConnectException");
  }

  static GatewayUnavailableException.Kind kind(Throwable t) {
    return ((GatewayUnavailableException) GatewayFailures.translate("setCustomState", 10001, t))
        .kind();
  }
}
