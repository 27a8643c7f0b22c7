package io.statedesk.core.directory;

import io.statedesk.core.gateway.CustomState;
import io.statedesk.core.gateway.GatewayAuth;
import io.statedesk.core.gateway.GatewayClient;
import io.statedesk.core.gateway.GatewayException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Reads every agent's current custom state back from the gateway ({@code querycustomstate}, with
 * the agent's own session handle) after a directory sync, so that states set outside StateDesk show
 * too. Agents without a usable session are skipped; their last known state stays.
 *
 * <p>Asynchronous and bounded: one query per agent is far too slow for a request thread ("Sync now"
 * answered only when 10,000 queries had), so it runs on the container's managed executor with at
 * most {@link #PARALLEL} queries at a time, one run at a time, and reports its progress.
 */
@ApplicationScoped
public class CustomStateReadBack {

  private static final Logger LOG = Logger.getLogger(CustomStateReadBack.class.getName());

  /**
   * Queries at a time: enough to finish 10,000 agents in about a minute, few enough to be polite.
   */
  static final int PARALLEL = 8;

  /**
   * How far the read-back is.
   *
   * @param running whether one runs now
   * @param done agents asked so far
   * @param total agents to ask (those with a usable session)
   * @param failed queries that failed
   * @param finishedAt when the last run ended, {@code null} before the first
   */
  public record Progress(boolean running, int done, int total, int failed, Instant finishedAt) {}

  @Inject GatewayClient client;
  @Inject AgentDirectory directory;
  @Inject DirectoryStates directoryStates;

  private final AtomicInteger done = new AtomicInteger();
  private final AtomicInteger failed = new AtomicInteger();
  private volatile int total;
  private volatile boolean running;
  private volatile Instant finishedAt;

  public Progress progress() {
    return new Progress(running, done.get(), total, failed.get(), finishedAt);
  }

  /**
   * Starts reading back and returns at once; false (nothing started) while a run is going on.
   *
   * @param handles the current session handle of an agent, if it has one
   */
  public synchronized boolean start(Function<Integer, Optional<GatewayAuth>> handles) {
    if (running) {
      return false;
    }
    running = true;
    Executor executor = executor();
    try {
      List<Map.Entry<Integer, GatewayAuth>> work =
          directory.allIds().stream()
              .map(id -> Map.entry(id, handles.apply(id)))
              .filter(e -> e.getValue().isPresent())
              .map(e -> Map.entry(e.getKey(), e.getValue().get()))
              .toList();
      done.set(0);
      failed.set(0);
      total = work.size();
      Run run = new Run(new ConcurrentLinkedQueue<>(work));
      for (int i = 0; i < PARALLEL; i++) {
        executor.execute(run::work);
      }
    } catch (RuntimeException e) {
      running = false;
      throw e;
    }
    return true;
  }

  /** One run: {@link #PARALLEL} workers draining one queue; the last one out records the states. */
  private final class Run {
    final ConcurrentLinkedQueue<Map.Entry<Integer, GatewayAuth>> queue;
    final Map<Integer, ReadState> states = new ConcurrentHashMap<>();
    final AtomicInteger workers = new AtomicInteger(PARALLEL);

    Run(ConcurrentLinkedQueue<Map.Entry<Integer, GatewayAuth>> queue) {
      this.queue = queue;
    }

    void work() {
      try {
        Map.Entry<Integer, GatewayAuth> next;
        while ((next = queue.poll()) != null) {
          try {
            Instant asked = Instant.now();
            Optional<CustomState> state = client.queryCustomState(next.getValue());
            states.put(
                next.getKey(), new ReadState(state.map(CustomState::value).orElse(null), asked));
          } catch (GatewayException e) {
            failed.incrementAndGet();
          }
          done.incrementAndGet();
        }
      } finally {
        if (workers.decrementAndGet() == 0) {
          finish();
        }
      }
    }

    void finish() {
      try {
        int written = states.isEmpty() ? 0 : directoryStates.applyCustomStates(states);
        LOG.fine(
            () ->
                "Read back "
                    + states.size()
                    + " custom states ("
                    + failed
                    + " failed), "
                    + written
                    + " recorded (the others were set meanwhile)");
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "Could not record the custom states read back", e);
      } finally {
        finishedAt = Instant.now();
        running = false;
      }
    }
  }

  private static Executor executor() {
    try {
      ManagedExecutorService executor =
          InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
      return executor;
    } catch (NamingException e) {
      throw new IllegalStateException("No default managed executor service", e);
    }
  }
}
