package io.statedesk.core.directory;

import io.statedesk.core.gateway.GatewayRecords.GatewayEvent;
import io.statedesk.core.gateway.GatewayState;
import io.statedesk.core.session.Availability;
import io.statedesk.core.session.SessionTimers;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.logging.Logger;

/**
 * Keeps agents' gateway states fresh between directory syncs, from the events that hosted sessions
 * receive (gateway-api.md section 7.3).
 *
 * <p>Events arrive on the HTTP client's threads, where no transaction can run; they are collected
 * (the latest per agent wins) and written every half second in one transaction on the container's
 * managed scheduler. The same goes for session availability, mirrored from the session store as it
 * changes.
 */
@ApplicationScoped
public class DirectoryStateFeed {

  private static final Logger LOG = Logger.getLogger(DirectoryStateFeed.class.getName());

  @Inject DirectoryStates directoryStates;
  @Inject SessionTimers timers;

  private final Map<Integer, GatewayState> pending = new ConcurrentHashMap<>();
  private final Map<Integer, Availability> availability = new ConcurrentHashMap<>();

  private final RowByRow stateRows = new RowByRow(LOG, "agent state change");
  private final RowByRow sessionRows = new RowByRow(LOG, "session change");

  private ScheduledFuture<?> flusher;

  /** The state an event puts the agent in, or {@code null} for events that do not change it. */
  static GatewayState stateAfter(String eventType) {
    if (eventType == null) {
      return null;
    }
    return switch (eventType) {
      case "AgentState_Ready",
              "AgentState_CancelNotReady_Success",
              "AgentState_CancelRest_Success",
              "AgentState_CancelWork_Success" ->
          GatewayState.IDLE;
      case "AgentState_Busy" -> GatewayState.TALKING;
      case "AgentState_Work" -> GatewayState.WORK;
      case "AgentState_SetNotReady_Success" -> GatewayState.BUSY;
      case "AgentState_SetRest_Success" -> GatewayState.REST;
      case "AgentOther_ShutdownService" -> GatewayState.SIGNED_OUT;
      default -> null;
    };
  }

  /** Takes one event (any thread). */
  public void offer(GatewayEvent event) {
    GatewayState state = stateAfter(event.type());
    if (state != null) {
      pending.put(event.workNo(), state);
    }
  }

  /**
   * Takes one session availability (any thread), to be written at the next flush ({@code null}:
   * {@code NONE}).
   */
  public void offerAvailability(int agentId, Availability value) {
    Availability v = value == null ? Availability.NONE : value;
    known.put(agentId, v);
    availability.put(agentId, v);
  }

  /**
   * Takes a session store change (any thread), to be written only if the availability changed: the
   * store reports every Guid rotation and relay push, and those must not each become a row update.
   */
  public void offerAvailabilityChange(int agentId, Availability value) {
    Availability v = value == null ? Availability.NONE : value;
    if (v != known.put(agentId, v)) {
      availability.put(agentId, v);
    }
  }

  /** The availability last offered per agent, to write only changes. */
  private final Map<Integer, Availability> known = new ConcurrentHashMap<>();

  /**
   * Starts flushing every half second: the picker's Sessions filter is then current within a second
   * and a transaction, and all changes of half a second go in one transaction (none when nothing
   * changed).
   */
  public synchronized void start() {
    if (flusher != null) {
      return;
    }
    flusher = timers.get().scheduleWithFixedDelay(this::flush, 500, 500, TimeUnit.MILLISECONDS);
  }

  void flush() {
    flushAvailability();
    write(drain(pending), directoryStates::applyStates, pending, stateRows);
  }

  private void flushAvailability() {
    write(drain(availability), directoryStates::applyAvailability, availability, sessionRows);
  }

  /** Takes everything queued; a value offered meanwhile stays for the next flush. */
  private static <V> Map<Integer, V> drain(Map<Integer, V> queue) {
    Map<Integer, V> batch = new HashMap<>();
    for (Integer id : queue.keySet()) {
      V value = queue.remove(id);
      if (value != null) {
        batch.put(id, value);
      }
    }
    return batch;
  }

  /**
   * Writes a batch; what cannot be written goes back in the queue (unless a newer value came
   * meanwhile), to be tried again at the next flush.
   */
  private static <V> void write(
      Map<Integer, V> batch,
      Consumer<Map<Integer, V>> apply,
      Map<Integer, V> queue,
      RowByRow rows) {
    rows.write(batch, apply).forEach(queue::putIfAbsent);
  }

  @PreDestroy
  synchronized void stop() {
    if (flusher != null) {
      flusher.cancel(false);
    }
  }
}
