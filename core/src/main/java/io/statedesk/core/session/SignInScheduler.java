package io.statedesk.core.session;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Consumer;

/**
 * Schedules hosted sign-ins: at most one due per agent, each run on the dedicated sign-in executor
 * after one permit of the shared {@link SignInThrottle}.
 *
 * <p>Why a dedicated executor: a sign-in waits for the gateway (connect plus the operation
 * timeout). On the container's shared scheduler that delayed every poll and the directory sync
 * behind it. Here the timer only hands the sign-in over; the executor's few threads do the waiting.
 * Its queue is bounded by the number of hosted agents, because {@link HostedAgent#markDue()} lets
 * only one sign-in per agent be scheduled or running at a time: after an outage, 10,000 ended
 * sessions queue 10,000 sign-ins that leave at the configured rate, not at once.
 */
final class SignInScheduler {

  private final PoolTimer timer;
  private final Executor executor;
  private final SignInThrottle throttle;
  private final Consumer<HostedAgent> signIn;
  private volatile boolean stopped;

  SignInScheduler(
      PoolTimer timer, Executor executor, SignInThrottle throttle, Consumer<HostedAgent> signIn) {
    this.timer = timer;
    this.executor = executor;
    this.throttle = throttle;
    this.signIn = signIn;
  }

  /**
   * Schedules a sign-in of {@code agent} after {@code delay}; false (nothing scheduled) when one is
   * already due for it or the pool is stopping.
   */
  boolean schedule(HostedAgent agent, Duration delay) {
    if (stopped || !agent.markDue()) {
      return false;
    }
    timer.after(delay, () -> handOver(agent));
    return true;
  }

  private void handOver(HostedAgent agent) {
    if (stopped) {
      return;
    }
    try {
      executor.execute(() -> run(agent));
    } catch (RejectedExecutionException e) {
      // the executor is shutting down with the pool
    }
  }

  private void run(HostedAgent agent) {
    try {
      throttle.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return;
    }
    if (!stopped) {
      signIn.accept(agent);
    }
  }

  void stop() {
    stopped = true;
  }
}
