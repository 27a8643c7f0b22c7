package io.statedesk.simulator.gateway;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The agents' sessions and the owner of every Guid still known (current or previous), so that a
 * Guid of another agent can be told from an unknown one. The idle sign-out (MAXTIME, section 3.6)
 * applies on every look-up and in {@link #sweep}.
 */
final class SessionStore {

  private static final Logger LOG = Logger.getLogger(SessionStore.class.getName());

  private final Map<Integer, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Integer> guidOwners = new ConcurrentHashMap<>();
  private final Supplier<GatewaySettings> settings;

  SessionStore(Supplier<GatewaySettings> settings) {
    this.settings = settings;
  }

  /**
   * Opens a session for the agent with a new Guid on its node (and, if switched on, an LB cookie),
   * ending any session the agent had.
   */
  Session open(int workNo, boolean elsewhere, int state, long now) {
    Session existing = sessions.get(workNo);
    if (existing != null) {
      remove(existing);
    }
    GatewaySettings s = settings.get();
    int node = Math.floorMod(workNo, s.nodes());
    String cookie =
        s.lbCookie() && !elsewhere ? "NSLB_ROUTE=node" + node + "-" + Long.toHexString(now) : null;
    Session session = new Session(workNo, elsewhere, node, Guids.newGuid(node), cookie, now, state);
    sessions.put(workNo, session);
    guidOwners.put(session.guid, workNo);
    return session;
  }

  /** The agent whose session issued this Guid (current or previous), or {@code null}. */
  Integer ownerOf(String guid) {
    return guidOwners.get(guid);
  }

  /** The agent's session, or {@code null}, without applying the idle sign-out. */
  Session peek(int workNo) {
    return sessions.get(workNo);
  }

  /** The agent's session after applying the idle sign-out; a held poll counts as activity. */
  Session live(int workNo, long now) {
    Session session = sessions.get(workNo);
    if (session == null) {
      return null;
    }
    boolean idle;
    synchronized (session) {
      idle =
          !session.elsewhere
              && session.waiter == null
              && now - session.lastRequestAt >= settings.get().maxIdleMs();
    }
    if (idle) {
      LOG.fine(() -> "agent " + workNo + " signed out after MAXTIME without requests");
      remove(session);
      return null;
    }
    return session;
  }

  /** A new Guid for the session; the current one becomes the previous. Must hold the monitor. */
  String rotate(Session session, long now) {
    if (session.previousGuid != null) {
      guidOwners.remove(session.previousGuid);
    }
    session.previousGuid = session.guid;
    session.previousGuidIssuedAt = session.guidIssuedAt;
    session.guid = Guids.newGuid(session.node);
    session.guidIssuedAt = now;
    guidOwners.put(session.guid, session.workNo);
    return session.guid;
  }

  /** Ends a session: its Guids are forgotten and a held poll is answered {@code 100-006}. */
  void remove(Session session) {
    Consumer<Reply> waiter;
    synchronized (session) {
      waiter = session.takeWaiter();
      guidOwners.remove(session.guid);
      if (session.previousGuid != null) {
        guidOwners.remove(session.previousGuid);
      }
    }
    sessions.remove(session.workNo, session);
    if (waiter != null) {
      waiter.accept(Reply.error(Retcodes.NOT_SIGNED_IN));
    }
  }

  /** Signs out every idle session; returns how many. */
  int sweep(long now) {
    int removed = 0;
    for (Integer workNo : List.copyOf(sessions.keySet())) {
      if (sessions.get(workNo) != null && live(workNo, now) == null) {
        removed++;
      }
    }
    return removed;
  }

  List<Session> all() {
    return List.copyOf(sessions.values());
  }

  int size() {
    return sessions.size();
  }

  void clear() {
    all().forEach(this::remove);
    guidOwners.clear();
  }
}
