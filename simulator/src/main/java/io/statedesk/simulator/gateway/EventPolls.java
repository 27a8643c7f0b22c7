package io.statedesk.simulator.gateway;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The event long-poll (section 7.1) and event delivery. A held poll is a callback on its session,
 * never a thread: it is completed by the next event, by its session's end (in {@link SessionStore})
 * or by a scheduled task when the poll wait ends or, in AUTHMODE 2, when the Guid's rotation falls
 * due, whichever comes first. One event per answer; a due rotation rides on a poll answer as {@code
 * Set-GUID}, and only there.
 */
final class EventPolls {

  private final SessionStore store;
  private final Supplier<GatewaySettings> settings;
  private final LongSupplier clock;
  private final ScheduledExecutorService scheduler;

  EventPolls(
      SessionStore store,
      Supplier<GatewaySettings> settings,
      LongSupplier clock,
      ScheduledExecutorService scheduler) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
    this.scheduler = scheduler;
  }

  /**
   * Answers at once with the oldest queued event, else holds the poll; a poll already held for the
   * session is answered without an event (the newer one replaces it).
   *
   * @param resume receives the answer exactly once, possibly on another thread
   */
  void poll(Session session, Consumer<Reply> resume) {
    Consumer<Reply> superseded = null;
    Reply immediate = null;
    synchronized (session) {
      if (!session.events.isEmpty()) {
        immediate = eventReply(session, session.events.pollFirst());
      } else {
        superseded = session.takeWaiter();
        session.waiter = resume;
        session.waiterTimeout =
            scheduler.schedule(
                () -> expireWaiter(session, resume), holdMs(session), TimeUnit.MILLISECONDS);
      }
    }
    if (superseded != null) {
      Reply empty;
      synchronized (session) {
        empty = eventReply(session, null);
      }
      superseded.accept(empty);
    }
    if (immediate != null) {
      resume.accept(immediate);
    }
  }

  /** The poll wait, or less when the Guid's rotation falls due first (AUTHMODE 2). */
  private long holdMs(Session session) {
    GatewaySettings s = settings.get();
    long hold = s.pollWaitMs();
    if (s.authMode() == 2) {
      long untilRotation = session.guidIssuedAt + s.guidIntervalMs() - clock.getAsLong();
      hold = Math.max(0, Math.min(hold, untilRotation));
    }
    return hold;
  }

  private void expireWaiter(Session session, Consumer<Reply> waiter) {
    Reply reply = null;
    synchronized (session) {
      if (session.waiter == waiter) {
        session.waiter = null;
        session.waiterTimeout = null;
        session.lastRequestAt = clock.getAsLong();
        reply = eventReply(session, null);
      }
    }
    if (reply != null) {
      waiter.accept(reply);
    }
  }

  /** Builds a poll answer, with {@code Set-GUID} if a rotation is due; must hold the monitor. */
  private Reply eventReply(Session session, Map<String, Object> event) {
    Reply reply = Reply.event(event);
    long now = clock.getAsLong();
    GatewaySettings s = settings.get();
    if (s.authMode() == 2 && now - session.guidIssuedAt >= s.guidIntervalMs()) {
      reply.header("Set-GUID", "JSESSIONID=" + store.rotate(session, now));
    }
    return reply;
  }

  /** Queues an event for the agent's poller, or answers its held poll with it. */
  void deliver(Session session, Map<String, Object> event) {
    Consumer<Reply> waiter;
    Reply reply = null;
    synchronized (session) {
      waiter = session.takeWaiter();
      if (waiter == null) {
        session.enqueue(event);
      } else {
        reply = eventReply(session, event);
      }
    }
    if (waiter != null) {
      waiter.accept(reply);
    }
  }

  /** An event in the documented shape: {@code eventType, workNo, content, eventGenTime}. */
  static Map<String, Object> event(String type, int workNo, Map<String, Object> content, long now) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("eventType", type);
    event.put("workNo", Integer.toString(workNo));
    event.put("content", content);
    event.put("eventGenTime", Long.toString(now));
    return event;
  }
}
