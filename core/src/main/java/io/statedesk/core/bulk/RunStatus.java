package io.statedesk.core.bulk;

import dev.failsafe.CircuitBreaker;
import java.util.function.BiConsumer;

/**
 * The status the console leading a change shows for it while it runs: running, or paused while the
 * gateway's circuit breaker is open and one of the change's calls waited for it (a breaker opened
 * by other calls alone does not pause a change that has none waiting), and running again once the
 * breaker closes.
 */
final class RunStatus {

  private final CircuitBreaker<Object> breaker;
  private final int breakerFailures;
  private final BiConsumer<ChangeStatus, String> store;
  private volatile long pausedAt;
  private ChangeStatus shown = ChangeStatus.QUEUED;

  /**
   * @param breakerFailures the failures in a row that open the breaker, for the pause's detail
   * @param store writes a status and its detail (or null) onto the change
   */
  RunStatus(
      CircuitBreaker<Object> breaker, int breakerFailures, BiConsumer<ChangeStatus, String> store) {
    this.breaker = breaker;
    this.breakerFailures = breakerFailures;
    this.store = store;
  }

  /** A call of the change waits for the breaker (any thread). */
  void paused() {
    pausedAt = System.currentTimeMillis();
  }

  /** Shows the change paused or running again, as the breaker now is (the driver's thread). */
  void update() {
    boolean open = !breaker.isClosed();
    if (open && pausedAt > 0 && shown != ChangeStatus.PAUSED) {
      show(
          ChangeStatus.PAUSED,
          "The gateway is unreachable ("
              + breakerFailures
              + " calls in a row failed); calls resume when it answers again");
    } else if (!open && shown == ChangeStatus.PAUSED) {
      pausedAt = 0;
      show(ChangeStatus.RUNNING, "Resumed: the gateway answers again");
    }
  }

  /** Writes {@code status} onto the change and remembers it as shown. */
  void show(ChangeStatus status, String detail) {
    store.accept(status, detail);
    shown = status;
  }
}
