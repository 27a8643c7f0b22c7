package io.statedesk.core.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SystemInfoTest {

  @Test
  void jdbcUrlsLoseTheirCredentials() {
    assertThat(
            SystemInfo.withoutCredentials(
                "jdbc:postgresql://db/statedesk?user=sd&password=hunter2"))
        .isEqualTo("jdbc:postgresql://db/statedesk?user=***&password=***");
    assertThat(
            SystemInfo.withoutCredentials(
                "jdbc:h2:file:/data/statedesk;PASSWORD=x;AUTO_SERVER=TRUE"))
        .doesNotContain("=x");
    assertThat(SystemInfo.withoutCredentials(null)).isEmpty();
  }
}
