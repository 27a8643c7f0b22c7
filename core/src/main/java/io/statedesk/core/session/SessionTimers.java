package io.statedesk.core.session;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The sessions' own small scheduler, on container-managed threads (the default {@link
 * ManagedThreadFactory}): poll pauses, relayed-session expiry, the availability mirror and the hold
 * records.
 *
 * <p>Why not the container's default managed scheduled executor: the directory sync and other long
 * tasks run there, and a poll pause or the picker's availability flush must not wait behind them (a
 * relayed session seen stale seconds late; a held poll's successor late enough to lose a rotated
 * Guid).
 */
@ApplicationScoped
public class SessionTimers {

  private ScheduledThreadPoolExecutor executor;

  /** The scheduler; created on first use. Its tasks must not block. */
  public synchronized ScheduledExecutorService get() {
    if (executor == null) {
      try {
        ManagedThreadFactory factory =
            InitialContext.doLookup("java:comp/DefaultManagedThreadFactory");
        executor = new ScheduledThreadPoolExecutor(2, factory);
        executor.setRemoveOnCancelPolicy(true);
      } catch (NamingException e) {
        throw new IllegalStateException("No default managed thread factory", e);
      }
    }
    return executor;
  }

  @PreDestroy
  synchronized void stop() {
    if (executor != null) {
      executor.shutdownNow();
    }
  }
}
