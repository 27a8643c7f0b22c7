package io.statedesk.core.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PoolListenersTest {

  @Test
  void aFailingListenerDoesNotKeepTheOthersFromHearing() {
    PoolListeners listeners = new PoolListeners();
    List<SessionStarted> heard = new ArrayList<>();
    listeners.addSessionListener(
        e -> {
          throw new IllegalStateException("faulty observer");
        });
    listeners.addSessionListener(heard::add);
    SessionStarted event =
        new SessionStarted(10001, SessionSource.HOSTED, Instant.EPOCH, "signed in");

    listeners.announce(event);

    assertThat(heard).containsExactly(event);
  }

  @Test
  void sessionListenersHearNoGatewayEvents() {
    PoolListeners listeners = new PoolListeners();
    List<SessionStarted> heard = new ArrayList<>();
    listeners.addSessionListener(heard::add);
    listeners.publish(null);
    assertThat(heard).isEmpty();
  }
}
