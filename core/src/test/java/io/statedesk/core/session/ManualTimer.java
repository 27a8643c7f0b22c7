package io.statedesk.core.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link PoolTimer} whose time moves only when a test says so: no sleeping in tests. */
final class ManualTimer implements PoolTimer {

  private record Task(long due, long order, Runnable run) {}

  private final List<Task> tasks = new ArrayList<>();
  private long now;
  private long order;

  @Override
  public synchronized void after(Duration delay, Runnable task) {
    tasks.add(new Task(now + delay.toMillis(), order++, task));
  }

  /** Runs every task due within {@code step} (and those they schedule within it), in time order. */
  void advance(Duration step) {
    long until;
    synchronized (this) {
      until = now + step.toMillis();
    }
    while (true) {
      Task next;
      synchronized (this) {
        next =
            tasks.stream()
                .filter(t -> t.due() <= until)
                .min(Comparator.comparingLong(Task::due).thenComparingLong(Task::order))
                .orElse(null);
        if (next == null) {
          now = until;
          return;
        }
        tasks.remove(next);
        now = Math.max(now, next.due());
      }
      next.run().run();
    }
  }

  /** Runs what is due now. */
  void runDue() {
    advance(Duration.ZERO);
  }

  synchronized long millis() {
    return now;
  }
}
