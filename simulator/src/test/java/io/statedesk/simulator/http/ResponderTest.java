package io.statedesk.simulator.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.simulator.control.FaultConfig;
import io.statedesk.simulator.control.Faults;
import io.statedesk.simulator.control.Recorder;
import io.statedesk.simulator.gateway.Reply;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.TimeoutHandler;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** When the simulator answers a call it was told to delay. */
class ResponderTest {

  /** Records the delays it is asked for and runs nothing. */
  static final class Timer extends ScheduledThreadPoolExecutor {
    final List<Long> delaysNanos = new ArrayList<>();
    final List<Runnable> tasks = new ArrayList<>();

    Timer() {
      super(1);
    }

    @Override
    public ScheduledFuture<?> schedule(Runnable task, long delay, TimeUnit unit) {
      delaysNanos.add(unit.toNanos(delay));
      tasks.add(task);
      return super.schedule(() -> {}, 0, TimeUnit.NANOSECONDS);
    }
  }

  final Timer timer = new Timer();
  final Faults faults = new Faults();
  final Responder responder = new Responder(faults, new Recorder(), timer, () -> 0L);
  final Answer out = new Answer();

  @AfterEach
  void stop() {
    timer.shutdownNow();
  }

  @Test
  void anInjectedLatencyCountsFromTheCallsArrival() {
    latencyOnSet(50);
    long arrived = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(20);

    responder.answer(call(arrived), "setCustomState", 10001, () -> Reply.ok(null), out);

    assertThat(timer.delaysNanos).hasSize(1);
    assertThat(timer.delaysNanos.get(0))
        .as("50 ms after a call that arrived 20 ms ago")
        .isLessThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(30))
        .isGreaterThan(0);
    assertThat(out.resumed).as("not answered before the delay").isEmpty();
  }

  @Test
  void aCallThatArrivedLongerAgoThanTheLatencyIsAnsweredWithoutFurtherWait() {
    latencyOnSet(5);
    long arrived = System.nanoTime() - TimeUnit.MILLISECONDS.toNanos(8);

    responder.answer(call(arrived), "setCustomState", 10001, () -> Reply.ok(null), out);

    assertThat(timer.delaysNanos).containsExactly(0L);
  }

  void latencyOnSet(long ms) {
    faults.configure(
        new FaultConfig(ms, 0, 0, List.of(), 0, 503, 0, 0, 0, Map.of(), Set.of("setCustomState")));
  }

  static Incoming call(long arrivedNanos) {
    return new Incoming(
        "POST", "****", "customstate=5", "127.0.0.1:5000", "application/json", arrivedNanos);
  }

  /** An asynchronous response that keeps what it was resumed with. */
  static final class Answer implements AsyncResponse {
    final List<Response> resumed = new ArrayList<>();

    @Override
    public boolean resume(Object response) {
      resumed.add((Response) response);
      return true;
    }

    @Override
    public boolean resume(Throwable response) {
      throw new AssertionError("resumed with a failure", response);
    }

    @Override
    public boolean cancel() {
      return false;
    }

    @Override
    public boolean cancel(int retryAfter) {
      return false;
    }

    @Override
    public boolean cancel(Date retryAfter) {
      return false;
    }

    @Override
    public boolean isSuspended() {
      return resumed.isEmpty();
    }

    @Override
    public boolean isCancelled() {
      return false;
    }

    @Override
    public boolean isDone() {
      return !resumed.isEmpty();
    }

    @Override
    public boolean setTimeout(long time, TimeUnit unit) {
      return true;
    }

    @Override
    public void setTimeoutHandler(TimeoutHandler handler) {}

    @Override
    public Collection<Class<?>> register(Class<?> callback) {
      return List.of();
    }

    @Override
    public Map<Class<?>, Collection<Class<?>>> register(Class<?> callback, Class<?>... callbacks) {
      return Map.of();
    }

    @Override
    public Collection<Class<?>> register(Object callback) {
      return List.of();
    }

    @Override
    public Map<Class<?>, Collection<Class<?>>> register(Object callback, Object... callbacks) {
      return Map.of();
    }
  }
}
