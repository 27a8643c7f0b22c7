package io.statedesk.simulator.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FaultsTest {

  final Faults faults = new Faults();
  final Random random = new Random(3);

  static FaultConfig config(
      long latency,
      double failure,
      List<String> codes,
      double http,
      double hang,
      Map<Integer, String> agents,
      Set<String> ops) {
    return new FaultConfig(latency, 0, failure, codes, http, 503, 2, hang, 0, agents, ops);
  }

  @Test
  void faultFreeByDefault() {
    for (int i = 0; i < 1000; i++) {
      assertThat(faults.decide("setCustomState", 10001, random))
          .isEqualTo(new Faults.Outcome.Proceed(0));
    }
  }

  @Test
  void failureShareIsRoughlyHonoured() {
    faults.configure(config(0, 0.1, List.of("100-007", "000-004"), 0, 0, null, null));
    int failed = 0;
    for (int i = 0; i < 10_000; i++) {
      if (faults.decide("setCustomState", 10001, random) instanceof Faults.Outcome.Retcode r) {
        assertThat(r.retcode()).isIn("100-007", "000-004");
        failed++;
      }
    }
    assertThat(failed).isBetween(800, 1200);
  }

  @Test
  void httpErrorsCarryStatusAndRetryAfter() {
    faults.configure(config(0, 0, null, 1.0, 0, null, null));
    assertThat(faults.decide("login", 10001, random))
        .isEqualTo(new Faults.Outcome.HttpError(503, 2, 0));
  }

  @Test
  void hangsAreHeldTenMinutesUnlessSaidOtherwise() {
    faults.configure(config(0, 0, null, 0, 1.0, null, null));
    assertThat(faults.decide("login", 10001, random)).isEqualTo(new Faults.Outcome.Hang(600_000));
  }

  @Test
  void failingAgentsAlwaysFailAndOperationsLimitTheScope() {
    faults.configure(config(5, 0, null, 0, 0, Map.of(10002, "100-009"), Set.of("setCustomState")));
    assertThat(faults.decide("setCustomState", 10002, random))
        .isEqualTo(new Faults.Outcome.Retcode("100-009", 5));
    assertThat(faults.decide("setCustomState", 10001, random))
        .isEqualTo(new Faults.Outcome.Proceed(5));
    assertThat(faults.decide("getAgentEvent", 10002, random))
        .isEqualTo(new Faults.Outcome.Proceed(0));
  }

  @Test
  void badConfigurationsAreRefusedNamingTheField() {
    assertThatThrownBy(() -> faults.configure(config(0, 1.5, List.of("100-007"), 0, 0, null, null)))
        .hasMessageContaining("failureShare");
    assertThatThrownBy(() -> faults.configure(config(0, 0.5, List.of(), 0, 0, null, null)))
        .hasMessageContaining("failureRetcodes");
    assertThatThrownBy(() -> faults.configure(config(0, 0.5, List.of("123-456"), 0, 0, null, null)))
        .hasMessageContaining("123-456");
    assertThatThrownBy(() -> faults.configure(config(-1, 0, null, 0, 0, null, null)))
        .hasMessageContaining("negative");
  }
}
