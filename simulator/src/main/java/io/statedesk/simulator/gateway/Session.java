package io.statedesk.simulator.gateway;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

/**
 * One agent's signed-in session at the gateway. Guarded by its own monitor: every read or write
 * happens in {@code synchronized (session)}.
 */
final class Session {

  /** Events kept for a client that does not poll; older ones are dropped. */
  static final int MAX_QUEUED_EVENTS = 100;

  final int workNo;
  final boolean elsewhere;
  final String lbCookie;
  final long loginTime;
  final int node;
  long stateSince;
  String guid;
  long guidIssuedAt;
  String previousGuid;
  long previousGuidIssuedAt;
  long lastRequestAt;
  int state;
  boolean working;
  int customState = CustomStates.UNSET;
  final Deque<Map<String, Object>> events = new ArrayDeque<>();
  Consumer<Reply> waiter;
  ScheduledFuture<?> waiterTimeout;

  Session(
      int workNo, boolean elsewhere, int node, String guid, String lbCookie, long now, int state) {
    this.node = node;
    this.stateSince = now;
    this.workNo = workNo;
    this.elsewhere = elsewhere;
    this.guid = guid;
    this.guidIssuedAt = now;
    this.lbCookie = lbCookie;
    this.loginTime = now;
    this.lastRequestAt = now;
    this.state = state;
  }

  /** Takes the held poll's answer callback and cancels its time-out; must hold the monitor. */
  Consumer<Reply> takeWaiter() {
    Consumer<Reply> taken = waiter;
    waiter = null;
    if (waiterTimeout != null) {
      waiterTimeout.cancel(false);
      waiterTimeout = null;
    }
    return taken;
  }

  void enqueue(Map<String, Object> event) {
    if (events.size() >= MAX_QUEUED_EVENTS) {
      events.pollFirst();
    }
    events.addLast(event);
  }
}
