package io.statedesk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How many agents a run claims at once and keeps in flight, by the worker pool's size. */
class RunContextTest {

  static RunContext withConcurrency(int concurrency) {
    BulkSettings settings = new BulkSettings();
    settings.concurrency = concurrency;
    return new RunContext(
        "console-1",
        settings,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        () -> false);
  }

  @Test
  void aLargePoolClaimsAPoolsWorthWhileTwoPoolsAreStillInFlight() {
    RunContext ctx = withConcurrency(64);
    assertThat(ctx.batch()).isEqualTo(64);
    assertThat(ctx.claimBelow()).isEqualTo(128);
    assertThat(ctx.inFlightMost()).isEqualTo(192);
  }

  @Test
  void aSmallPoolClaimsTheSmallestBatchAtOnceNotOneAgentPerCall() {
    RunContext ctx = withConcurrency(1);
    assertThat(ctx.batch())
        .as("concurrency 1 claimed one agent per call, a transaction per agent (issue 20)")
        .isEqualTo(RunContext.SMALLEST_BATCH);
    assertThat(ctx.inFlightMost() - ctx.claimBelow()).isEqualTo(RunContext.SMALLEST_BATCH);
    assertThat(ctx.claimBelow()).as("still two calls queued when the claim is made").isEqualTo(2);
  }
}
