package io.statedesk.core.session;

import io.statedesk.core.gateway.GatewayRecords.GatewayEvent;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who a {@link HostedSessionPool} tells about what its sessions see: every gateway event, and every
 * new session. A listener that throws is logged and skipped, so that one faulty observer never
 * stops a poll chain or a sign-in.
 */
final class PoolListeners {

  /** The pool's logger: operators filter these lines under the pool's name. */
  private static final Logger LOG = Logger.getLogger(HostedSessionPool.class.getName());

  private final List<Consumer<GatewayEvent>> events = new CopyOnWriteArrayList<>();
  private final List<Consumer<SessionStarted>> started = new CopyOnWriteArrayList<>();

  void addListener(Consumer<GatewayEvent> listener) {
    events.add(listener);
  }

  void addSessionListener(Consumer<SessionStarted> listener) {
    started.add(listener);
  }

  void publish(GatewayEvent event) {
    tell(events, event);
  }

  void announce(SessionStarted event) {
    tell(started, event);
  }

  private static <T> void tell(List<Consumer<T>> to, T event) {
    for (Consumer<T> listener : to) {
      try {
        listener.accept(event);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Listener failed", e);
      }
    }
  }
}
