package io.statedesk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CredentialsRecheckTest {

  final ManualTimer timer = new ManualTimer();
  final AtomicLong version = new AtomicLong(1);
  final AtomicBoolean stopped = new AtomicBoolean();
  final List<Integer> signIns = new ArrayList<>();
  final HostedAgent refused = new HostedAgent(10001);
  final HostedAgent missing = new HostedAgent(10002);
  final HostedAgent live = new HostedAgent(10003);
  final CredentialsRecheck recheck =
      new CredentialsRecheck(
          List.of(refused, missing, live),
          new HostedCredentials() {
            @Override
            public Optional<String> passwordOf(int agentId) {
              return Optional.empty();
            }

            @Override
            public Optional<String> phoneOf(int agentId) {
              return Optional.empty();
            }

            @Override
            public long version() {
              return version.get();
            }
          },
          new SignInScheduler(timer, Runnable::run, () -> {}, agent -> signIns.add(agent.id)),
          timer,
          stopped::get);

  CredentialsRecheckTest() {
    refused.settle(HostedAgent.Phase.REFUSED);
    refused.refused(1);
    missing.settle(HostedAgent.Phase.NO_CREDENTIALS);
    missing.refused(1);
    live.live();
  }

  @Test
  void nothingIsRetriedUntilTheCredentialsChange() {
    assertThat(recheck.credentialsChanged()).isZero();
    version.set(2);
    assertThat(recheck.credentialsChanged()).isEqualTo(2);
    timer.runDue();
    assertThat(signIns).containsExactlyInAnyOrder(10001, 10002);
  }

  @Test
  void theCheckRepeatsUntilThePoolStops() {
    recheck.start();
    version.set(2);
    timer.advance(CredentialsRecheck.CREDENTIALS_CHECK);
    assertThat(signIns).containsExactlyInAnyOrder(10001, 10002);
    refused.settle(HostedAgent.Phase.REFUSED);
    refused.refused(2);
    version.set(3);
    stopped.set(true);
    timer.advance(CredentialsRecheck.CREDENTIALS_CHECK);
    assertThat(signIns).hasSize(2);
  }
}
