package io.statedesk.core.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SystemInfoTest {

  @Test
  void aServerDatabaseShowsHostAndNameButNoCredentials() {
    assertThat(SystemInfo.location("jdbc:postgresql://db:5432/statedesk?user=sd&password=hunter2"))
        .isEqualTo("db:5432/statedesk");
    assertThat(SystemInfo.location("jdbc:postgresql://sd:hunter2@db/statedesk"))
        .isEqualTo("db/statedesk");
  }

  @Test
  void anEmbeddedDatabaseShowsNoPath() {
    assertThat(SystemInfo.location("jdbc:h2:file:/data/statedesk;PASSWORD=x;AUTO_SERVER=TRUE"))
        .isEqualTo("embedded");
    assertThat(SystemInfo.location("jdbc:h2:/var/lib/statedesk/db")).isEqualTo("embedded");
    assertThat(SystemInfo.location("jdbc:h2:mem:test")).isEqualTo("embedded");
    assertThat(SystemInfo.location("jdbc:h2:tcp://dbhost:9092/~/statedesk"))
        .isEqualTo("dbhost:9092");
    assertThat(SystemInfo.location(null)).isEmpty();
  }

  @Test
  void theVersionComesFromTheBuild() {
    assertThat(SystemInfo.version()).isNotBlank().doesNotStartWith("${");
  }
}
