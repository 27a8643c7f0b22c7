package io.statedesk.core.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleMetricsTest {

  @Test
  void callOutcomesFoldIntoFewResultTags() {
    assertThat(ConsoleMetrics.result("0")).isEqualTo("success");
    assertThat(ConsoleMetrics.result("100-006")).isEqualTo("stale_session");
    assertThat(ConsoleMetrics.result("HTTP 503")).isEqualTo("http_5xx");
    assertThat(ConsoleMetrics.result("HTTP 404")).isEqualTo("http_4xx");
    assertThat(ConsoleMetrics.result("not JSON")).isEqualTo("bad_response");
    assertThat(ConsoleMetrics.result("no retcode")).isEqualTo("bad_response");
    assertThat(ConsoleMetrics.result("setCustomState for agent 10001: gateway not reachable"))
        .isEqualTo("unreachable");
    assertThat(ConsoleMetrics.result("123-456")).isEqualTo("unknown");
  }
}
