package io.statedesk.core.session;

import java.time.Duration;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs a short task after a delay: poll pauses, retry delays, periodic checks. Tasks never block (a
 * sign-in is handed to the sign-in executor, a poll is asynchronous), so one small scheduler serves
 * thousands of agents.
 *
 * <p>An interface rather than a {@link ScheduledExecutorService} so that the pool's unit tests step
 * time by hand instead of sleeping.
 */
@FunctionalInterface
public interface PoolTimer {

  void after(Duration delay, Runnable task);

  /**
   * Backed by a scheduler (the container's managed one, or a plain one in tests); quiet once it is
   * shut down.
   */
  static PoolTimer of(ScheduledExecutorService scheduler) {
    return (delay, task) -> {
      try {
        scheduler.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException e) {
        // shutting down: nothing more to do
      }
    };
  }
}
