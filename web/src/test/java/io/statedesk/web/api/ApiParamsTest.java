package io.statedesk.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.bulk.OutcomeStatus;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ApiParamsTest {

  @Test
  void readsIdsInstantsAndStatusesAsTyped() {
    assertThat(ApiParams.id("17")).isEqualTo(17L);
    assertThat(ApiParams.instant(" 2026-12-01T00:00:00Z ", "from"))
        .isEqualTo(Instant.parse("2026-12-01T00:00:00Z"));
    assertThat(ApiParams.instant(" ", "from")).isNull();
    assertThat(ApiParams.outcomeStatuses(List.of("failed", " No_Session ")))
        .containsExactlyInAnyOrder(OutcomeStatus.FAILED, OutcomeStatus.NO_SESSION);
    assertThat(ApiParams.outcomeStatuses(List.of())).isEmpty();
  }
}
