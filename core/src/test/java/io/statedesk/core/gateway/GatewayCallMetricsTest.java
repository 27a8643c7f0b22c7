package io.statedesk.core.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class GatewayCallMetricsTest {

  @Test
  void callOutcomesFoldIntoFewResultTags() {
    assertThat(GatewayCallMetrics.result("0")).isEqualTo("success");
    assertThat(GatewayCallMetrics.result("100-006")).isEqualTo("stale_session");
    assertThat(GatewayCallMetrics.result("HTTP 503")).isEqualTo("http_5xx");
    assertThat(GatewayCallMetrics.result("HTTP 404")).isEqualTo("http_4xx");
    assertThat(GatewayCallMetrics.result("not JSON")).isEqualTo("bad_response");
    assertThat(GatewayCallMetrics.result("no retcode")).isEqualTo("bad_response");
    assertThat(GatewayCallMetrics.result("setCustomState for agent 10001: gateway not reachable"))
        .isEqualTo("unreachable");
    assertThat(GatewayCallMetrics.result("123-456")).isEqualTo("unknown");
  }
}
