package io.statedesk.simulator.gateway;

import io.statedesk.simulator.world.Agent;
import io.statedesk.simulator.world.Group;
import io.statedesk.simulator.world.Skill;
import io.statedesk.simulator.world.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * The simulated CC-Gateway: agent sessions and the documented rules for each interface.
 *
 * <p>Plain Java with an injected clock and scheduler, so unit tests drive time by hand. Each
 * session is guarded by its own monitor; the maps are concurrent. Section numbers in comments refer
 * to {@code shared/gateway-api.md}.
 */
public final class Gateway {

  private static final Logger LOG = Logger.getLogger(Gateway.class.getName());

  /** {@code querycustomstate}'s value when no custom state is set (section 4.2). */
  public static final int CUSTOM_STATE_UNSET = 65535;

  /** CC-Gateway agent states (section 6.1). */
  public static final int SIGNED_OUT = 2;

  public static final int BUSY = 3;
  public static final int IDLE = 4;
  public static final int WORK = 5;
  public static final int TALKING = 7;
  public static final int REST = 8;

  /** How a caller authenticates a request: the {@code guid} header and the LB cookie, if any. */
  public record Credentials(String guid, String cookie) {}

  /** The three sign-in interfaces (section 3.1-3.3). */
  public enum SignInKind {
    LOGIN("login", "login"),
    FORCE("forceLogin", "forcelogin"),
    LOGINEX("loginEx", "loginex");

    final String logName;

    /** The interface's path name, the key in {@link GatewayStats}. */
    final String statsName;

    SignInKind(String logName, String statsName) {
      this.logName = logName;
      this.statsName = statsName;
    }
  }

  private final World world;
  private final LongSupplier clock;
  private final ScheduledExecutorService scheduler;
  private final AtomicReference<GatewaySettings> settings;
  private final Map<Integer, Session> sessions = new ConcurrentHashMap<>();
  private final Map<String, Integer> guidOwners = new ConcurrentHashMap<>();
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final GatewayStats stats = new GatewayStats();

  public Gateway(
      World world,
      GatewaySettings settings,
      LongSupplier clock,
      ScheduledExecutorService scheduler) {
    this.world = world;
    this.clock = clock;
    this.scheduler = scheduler;
    this.settings = new AtomicReference<>(settings.validate());
  }

  public World world() {
    return world;
  }

  /** The unbounded counters of sign-ins and stale-Guid refusals. */
  public GatewayStats stats() {
    return stats;
  }

  public GatewaySettings settings() {
    return settings.get();
  }

  /** Changes settings at run time; sessions keep their Guids. */
  public void updateSettings(GatewaySettings next) {
    settings.set(next.validate());
  }

  // ---------------------------------------------------------------- sign-in and sign-out (3.x)

  /**
   * Sign-in, forced sign-in or platform-only sign-in.
   *
   * @param body the JSON request body as a map, or {@code null} if it was not a JSON object
   */
  public Reply signIn(int workNo, Map<String, Object> body, SignInKind kind) {
    return doSignIn(workNo, body, kind);
  }

  private Reply doSignIn(int workNo, Map<String, Object> body, SignInKind kind) {
    if (body == null) {
      return Reply.error(Retcodes.SIGNIN_PARAMETER);
    }
    Object password = body.get("password");
    if (!(password instanceof String pwd) || pwd.length() > 32) {
      return Reply.error(Retcodes.SIGNIN_PARAMETER);
    }
    Object phone = body.get("phonenum");
    if (phone != null && (!(phone instanceof String p) || p.length() > 24)) {
      return Reply.error(Retcodes.SIGNIN_PARAMETER);
    }
    Integer status = statusOf(body.get("status"));
    if (status == null) {
      return Reply.error(Retcodes.SIGNIN_PARAMETER);
    }
    Agent agent = world.agent(workNo);
    if (agent == null || !agent.password().equals(pwd)) {
      return Reply.error(Retcodes.WRONG_PASSWORD);
    }
    long now = clock.getAsLong();
    Session existing = liveSession(workNo, now);
    if (existing != null) {
      if (kind != SignInKind.FORCE) {
        return Reply.error(Retcodes.ALREADY_SIGNED_IN);
      }
      remove(existing);
    }
    GatewaySettings s = settings.get();
    int node = Math.floorMod(workNo, s.nodes());
    String guid = Guids.newGuid(node);
    String cookie = s.lbCookie() ? "NSLB_ROUTE=node" + node + "-" + Long.toHexString(now) : null;
    Session session = new Session(workNo, false, node, guid, cookie, now, status);
    synchronized (session) {
      session.enqueue(event("AgentOther_InService", workNo, null, now));
      session.enqueue(event("AgentState_Ready", workNo, null, now));
      if (status == BUSY) {
        session.enqueue(
            event("AgentState_SetNotReady_Success", workNo, Map.of("reason", "1"), now));
      } else if (status == WORK) {
        session.enqueue(event("AgentState_Work", workNo, null, now));
      }
    }
    sessions.put(workNo, session);
    guidOwners.put(guid, workNo);
    stats.signedIn(workNo, kind);
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("vdnid", World.VDN);
    result.put("workno", Integer.toString(workNo));
    result.put("mediatype", kind == SignInKind.LOGINEX ? "FFF" : "TTF");
    result.put("loginTime", Long.toString(now));
    result.put("isForceChange", "false");
    result.put("serverName", "AgentGateway");
    result.put("timeRemaining", "");
    Reply reply = Reply.ok(result).header("Set-GUID", "JSESSIONID=" + guid);
    if (cookie != null) {
      reply.header("Set-Cookie", cookie + "; Path=/; HttpOnly");
    }
    LOG.fine(() -> kind.logName + " agent " + workNo + " guid " + Guids.mask(guid));
    return reply;
  }

  /** The {@code status} field: 3, 4 (default) or 5, as a number or a numeric string. */
  private static Integer statusOf(Object raw) {
    if (raw == null) {
      return IDLE;
    }
    String text = raw instanceof Number n ? Long.toString(n.longValue()) : raw.toString().trim();
    return switch (text) {
      case "3" -> BUSY;
      case "4" -> IDLE;
      case "5" -> WORK;
      default -> null;
    };
  }

  /** Sign-out ({@code logout}) or forced sign-out ({@code forcelogout}), section 3.4. */
  public Reply signOut(int workNo, Credentials credentials, boolean force) {
    {
      Object auth = authenticate(workNo, credentials, force ? "forcelogout" : "logout");
      if (auth instanceof Reply error) {
        return error;
      }
      Session session = (Session) auth;
      synchronized (session) {
        if (!force && session.working) {
          return Reply.error(Retcodes.SIGNOUT_STATE_ERROR);
        }
      }
      remove(session);
      return Reply.ok(Map.of());
    }
  }

  /**
   * {@code updateGuid} (section 2.3): a new Guid in the body; the old one gets the grace period.
   */
  public Reply updateGuid(int workNo, Credentials credentials) {
    Object auth = authenticate(workNo, credentials, "updateguid");
    if (auth instanceof Reply error) {
      return error;
    }
    Session session = (Session) auth;
    String fresh;
    synchronized (session) {
      fresh = rotate(session, clock.getAsLong());
    }
    return Reply.ok(Map.of("guid", fresh));
  }

  // ------------------------------------------------------------------------- custom state (4.x)

  /** {@code setcustomstate?customstate=N}: 0..65534, else 000-002 (section 4.1). */
  public Reply setCustomState(int workNo, Credentials credentials, String customState) {
    Integer value = parseInt(customState);
    if (value == null || value < 0 || value > 65534) {
      return Reply.error(Retcodes.BAD_PARAMETER);
    }
    Object auth = authenticate(workNo, credentials, "setcustomstate");
    if (auth instanceof Reply error) {
      return error;
    }
    Session session = (Session) auth;
    synchronized (session) {
      session.customState = value;
    }
    return Reply.ok(Map.of());
  }

  /** {@code querycustomstate}: the value as a string, "65535" when unset (section 4.2). */
  public Reply queryCustomState(int workNo, Credentials credentials) {
    Object auth = authenticate(workNo, credentials, "querycustomstate");
    if (auth instanceof Reply error) {
      return error;
    }
    Session session = (Session) auth;
    synchronized (session) {
      return Reply.ok(Map.of("agentcustomstate", Integer.toString(session.customState)));
    }
  }

  /** {@code cancelsetcustomstate}: needs a custom state set, else 100-009 (section 4.3). */
  public Reply cancelCustomState(int workNo, Credentials credentials) {
    Object auth = authenticate(workNo, credentials, "cancelsetcustomstate");
    if (auth instanceof Reply error) {
      return error;
    }
    Session session = (Session) auth;
    synchronized (session) {
      if (session.customState == CUSTOM_STATE_UNSET) {
        return Reply.error(Retcodes.STATE_ERROR);
      }
      session.customState = CUSTOM_STATE_UNSET;
    }
    return Reply.ok(Map.of());
  }

  /** {@code agentstatus}: the agent's own state (section 5). */
  public Reply agentStatus(int workNo, Credentials credentials) {
    Object auth = authenticate(workNo, credentials, "agentstatus");
    if (auth instanceof Reply error) {
      return error;
    }
    Session session = (Session) auth;
    synchronized (session) {
      Map<String, Object> result = new LinkedHashMap<>();
      result.put("agentState", session.state);
      result.put("isWorking", session.working);
      return Reply.ok(result);
    }
  }

  // ---------------------------------------------------------------------------- events (7.1)

  /**
   * The event long-poll: answers at once with the oldest queued event, or holds the request until
   * an event arrives or {@code pollWaitMs} passes. In AUTHMODE 2 a due Guid rotation is delivered
   * as {@code Set-GUID} on this answer, and only here.
   *
   * @param resume receives the answer exactly once, possibly on another thread
   */
  public void poll(int workNo, Credentials credentials, Consumer<Reply> resume) {
    Object auth = authenticate(workNo, credentials, "agentevent");
    if (auth instanceof Reply error) {
      resume.accept(error);
      return;
    }
    Session session = (Session) auth;
    Consumer<Reply> superseded = null;
    Reply immediate = null;
    synchronized (session) {
      if (!session.events.isEmpty()) {
        immediate = eventReply(session, session.events.pollFirst());
      } else {
        superseded = takeWaiter(session);
        session.waiter = resume;
        session.waiterTimeout =
            scheduler.schedule(
                () -> expireWaiter(session, resume),
                settings.get().pollWaitMs(),
                TimeUnit.MILLISECONDS);
      }
    }
    if (superseded != null) {
      superseded.accept(eventReplyLocked(session, null));
    }
    if (immediate != null) {
      resume.accept(immediate);
    }
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

  private Reply eventReplyLocked(Session session, Map<String, Object> event) {
    synchronized (session) {
      return eventReply(session, event);
    }
  }

  /** Builds a poll answer; must hold the session's monitor. */
  private Reply eventReply(Session session, Map<String, Object> event) {
    Reply reply = Reply.event(event);
    long now = clock.getAsLong();
    GatewaySettings s = settings.get();
    if (s.authMode() == 2 && now - session.guidIssuedAt >= s.guidIntervalMs()) {
      reply.header("Set-GUID", "JSESSIONID=" + rotate(session, now));
    }
    return reply;
  }

  private String rotate(Session session, long now) {
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

  private static Consumer<Reply> takeWaiter(Session session) {
    Consumer<Reply> waiter = session.waiter;
    session.waiter = null;
    if (session.waiterTimeout != null) {
      session.waiterTimeout.cancel(false);
      session.waiterTimeout = null;
    }
    return waiter;
  }

  /** Queues an event for the agent's poller, waking a held poll. */
  void deliver(Session session, Map<String, Object> event) {
    Consumer<Reply> waiter;
    Reply reply = null;
    synchronized (session) {
      waiter = takeWaiter(session);
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

  static Map<String, Object> event(String type, int workNo, Map<String, Object> content, long now) {
    Map<String, Object> event = new LinkedHashMap<>();
    event.put("eventType", type);
    event.put("workNo", Integer.toString(workNo));
    event.put("content", content);
    event.put("eventGenTime", Long.toString(now));
    return event;
  }

  // ---------------------------------------------------------------------- agentgroup (8.2)

  /** {@code agentgroup/{caller}/agentbyworkno/{workno}}: one agent's details. */
  public Reply agentByWorkNo(int caller, Credentials credentials, String workNo) {
    Object auth = authenticate(caller, credentials, "agentbyworkno");
    if (auth instanceof Reply error) {
      return error;
    }
    Integer id = parseInt(workNo);
    Agent agent = id == null ? null : world.agent(id);
    if (agent == null) {
      return Reply.error(Retcodes.BAD_PARAMETER);
    }
    return Reply.ok(details(agent, clock.getAsLong()));
  }

  /** {@code agentgroup/{caller}/agentongroupex?groupid=}: the agents of one group. */
  public Reply agentsOfGroup(int caller, Credentials credentials, String groupId) {
    Object auth = authenticate(caller, credentials, "agentongroupex");
    if (auth instanceof Reply error) {
      return error;
    }
    Integer id = parseInt(groupId);
    if (id == null || world.groups().stream().noneMatch(g -> g.id() == id)) {
      return Reply.error(Retcodes.BAD_PARAMETER);
    }
    long now = clock.getAsLong();
    List<Map<String, Object>> result = new ArrayList<>();
    for (Agent agent : world.agents()) {
      if (agent.groupId() == id) {
        result.add(details(agent, now));
      }
    }
    return Reply.ok(result);
  }

  /** {@code agentgroup/{caller}/allagentstatus}: every agent's state in the VDN. */
  public Reply allAgentStatus(int caller, Credentials credentials) {
    Object auth = authenticate(caller, credentials, "allagentstatus");
    if (auth instanceof Reply error) {
      return error;
    }
    List<Map<String, Object>> result = new ArrayList<>();
    for (Agent agent : world.agents()) {
      Session session = sessions.get(agent.workNo());
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("workno", Integer.toString(agent.workNo()));
      row.put("status", session == null ? SIGNED_OUT : stateOf(session));
      result.add(row);
    }
    return Reply.ok(result);
  }

  /** {@code agentgroup/{caller}/grouponvdn}: the groups of the VDN. */
  public Reply groupsOnVdn(int caller, Credentials credentials) {
    Object auth = authenticate(caller, credentials, "grouponvdn");
    if (auth instanceof Reply error) {
      return error;
    }
    List<Map<String, Object>> result = new ArrayList<>();
    for (Group group : world.groups()) {
      result.add(Map.of("groupid", group.id(), "groupname", group.name(), "vdnid", World.VDN));
    }
    return Reply.ok(result);
  }

  /** {@code onlineagent/{caller}/agentskillsbyworkno/{workno}}: another agent's skills. */
  public Reply skillsByWorkNo(int caller, Credentials credentials, String workNo) {
    Object auth = authenticate(caller, credentials, "agentskillsbyworkno");
    if (auth instanceof Reply error) {
      return error;
    }
    Integer id = parseInt(workNo);
    Agent agent = id == null ? null : world.agent(id);
    if (agent == null) {
      return Reply.error(Retcodes.BAD_PARAMETER);
    }
    List<Map<String, Object>> result = new ArrayList<>();
    for (Skill skill : agent.skills()) {
      result.add(Map.of("id", skill.id(), "name", skill.name(), "mediatype", skill.mediaType()));
    }
    return Reply.ok(result);
  }

  private Map<String, Object> details(Agent agent, long now) {
    Session session = sessions.get(agent.workNo());
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("workno", Integer.toString(agent.workNo()));
    row.put("name", agent.name());
    int state = session == null ? SIGNED_OUT : stateOf(session);
    row.put("status", state);
    row.put("ctiStatus", ctiStatusOf(state));
    row.put("groupid", agent.groupId());
    row.put("mediatype", 5);
    row.put("vdnid", World.VDN);
    row.put("phonenumber", agent.phoneNumber());
    if (session == null) {
      row.put("currentstatetime", 0);
      row.put("logindate", null);
    } else {
      synchronized (session) {
        row.put("currentstatetime", (now - session.stateSince) / 1000);
        row.put("logindate", session.loginTime);
      }
    }
    return row;
  }

  private static int stateOf(Session session) {
    synchronized (session) {
      return session.state;
    }
  }

  /** CC-Gateway state to CTI platform state (section 6.1). */
  static int ctiStatusOf(int state) {
    return switch (state) {
      case SIGNED_OUT -> 0;
      case BUSY -> 7;
      case IDLE -> 1;
      case WORK -> 6;
      case TALKING -> 5;
      case REST -> 8;
      default -> 9;
    };
  }

  // ---------------------------------------------------------------------- authentication (2.x)

  /**
   * The session of {@code workNo} if the credentials hold, else the documented error: no Guid or no
   * session {@code 100-006}; a Guid of another agent {@code 000-003}; a wrong LB cookie means the
   * request reached a node that does not know the session, so {@code 100-006}.
   */
  private Object authenticate(int workNo, Credentials credentials, String iface) {
    String guid = credentials == null ? null : credentials.guid();
    if (guid == null || guid.isBlank()) {
      return Reply.error(Retcodes.NOT_SIGNED_IN);
    }
    guid = guid.trim();
    long now = clock.getAsLong();
    Session session = liveSession(workNo, now);
    if (session == null) {
      return staleGuid(guid, workNo, iface);
    }
    GatewaySettings s = settings.get();
    synchronized (session) {
      if (s.lbCookie()
          && session.lbCookie != null
          && !cookieMatches(credentials.cookie(), session)) {
        return Reply.error(Retcodes.NOT_SIGNED_IN);
      }
      boolean current =
          guid.equals(session.guid)
              && (s.authMode() == 1 || now - session.guidIssuedAt < s.guidTimeoutMs());
      boolean previous =
          s.authMode() == 2
              && guid.equals(session.previousGuid)
              && now - session.previousGuidIssuedAt < s.guidTimeoutMs();
      if (!current && !previous) {
        return staleGuid(guid, workNo, iface);
      }
      session.lastRequestAt = now;
      return session;
    }
  }

  private static boolean cookieMatches(String cookieHeader, Session session) {
    if (cookieHeader == null) {
      return false;
    }
    for (String part : cookieHeader.split(";")) {
      if (part.trim().equals(session.lbCookie)) {
        return true;
      }
    }
    return false;
  }

  /** A Guid that is unknown, expired, superseded or another agent's: counted, then refused. */
  private Reply staleGuid(String guid, int workNo, String iface) {
    stats.staleGuidRefused(workNo, iface);
    Integer owner = guidOwners.get(guid);
    return Reply.error(
        owner != null && owner != workNo ? Retcodes.NO_PERMISSION : Retcodes.NOT_SIGNED_IN);
  }

  /** The agent's session, after applying the idle sign-out (MAXTIME, section 3.6). */
  private Session liveSession(int workNo, long now) {
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

  private void remove(Session session) {
    Consumer<Reply> waiter;
    synchronized (session) {
      waiter = takeWaiter(session);
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

  // ------------------------------------------------------------------ housekeeping and control

  /** Signs out every idle session; run periodically so that idle agents leave on their own. */
  public int sweep() {
    long now = clock.getAsLong();
    int removed = 0;
    for (Integer workNo : List.copyOf(sessions.keySet())) {
      Session before = sessions.get(workNo);
      if (before != null && liveSession(workNo, now) == null) {
        removed++;
      }
    }
    return removed;
  }

  /**
   * Gives the agent a session held by somebody else (a desktop we do not know), so that sign-in
   * answers {@code 100-002} and only forced sign-in gets in.
   */
  public void signInElsewhere(int workNo, int state) {
    long now = clock.getAsLong();
    Session existing = sessions.get(workNo);
    if (existing != null) {
      remove(existing);
    }
    GatewaySettings s = settings.get();
    int node = Math.floorMod(workNo, s.nodes());
    Session session = new Session(workNo, true, node, Guids.newGuid(node), null, now, state);
    sessions.put(workNo, session);
    guidOwners.put(session.guid, workNo);
  }

  /**
   * The desktop that holds the agent's session elsewhere signs out, so the agent is free; nothing
   * happens if the session (if any) is not held elsewhere.
   *
   * @return whether a session held elsewhere ended
   */
  public boolean releaseElsewhere(int workNo) {
    Session session = sessions.get(workNo);
    if (session == null || !session.elsewhere) {
      return false;
    }
    remove(session);
    return true;
  }

  /** Ends an agent's session as the gateway would after an idle time-out; false if none. */
  public boolean endSession(int workNo) {
    Session session = sessions.get(workNo);
    if (session == null) {
      return false;
    }
    remove(session);
    return true;
  }

  /** What a test may know about an agent (never its Guid). */
  public record AgentView(
      int workNo,
      String name,
      int groupId,
      boolean signedIn,
      boolean elsewhere,
      int state,
      int customState,
      int queuedEvents) {}

  public AgentView view(int workNo) {
    Agent agent = world.agent(workNo);
    if (agent == null) {
      return null;
    }
    Session session = liveSession(workNo, clock.getAsLong());
    if (session == null) {
      return new AgentView(
          workNo, agent.name(), agent.groupId(), false, false, SIGNED_OUT, CUSTOM_STATE_UNSET, 0);
    }
    synchronized (session) {
      return new AgentView(
          workNo,
          agent.name(),
          agent.groupId(),
          true,
          session.elsewhere,
          session.state,
          session.customState,
          session.events.size());
    }
  }

  /** Signs everybody out. */
  public void reset() {
    for (Session session : List.copyOf(sessions.values())) {
      remove(session);
    }
    guidOwners.clear();
  }

  public int sessionCount() {
    return sessions.size();
  }

  /**
   * One step of simulated contact-center life: a few signed-in agents change state (take a call, go
   * to wrap-up, back to idle, a short rest), and their pollers get the events.
   *
   * @param share the share of sessions that change state in this step (0..1)
   */
  public void activity(Random random, double share) {
    long now = clock.getAsLong();
    for (Session session : List.copyOf(sessions.values())) {
      if (random.nextDouble() >= share) {
        continue;
      }
      int next;
      String eventType;
      Map<String, Object> content = null;
      synchronized (session) {
        int r = random.nextInt(10);
        switch (session.state) {
          case IDLE -> {
            next = r < 6 ? TALKING : r < 8 ? BUSY : REST;
          }
          case TALKING -> next = WORK;
          case WORK, BUSY, REST -> next = IDLE;
          default -> next = IDLE;
        }
        session.state = next;
        session.working = next == TALKING;
        session.stateSince = now;
      }
      switch (next) {
        case TALKING -> eventType = "AgentState_Busy";
        case WORK -> eventType = "AgentState_Work";
        case BUSY -> {
          eventType = "AgentState_SetNotReady_Success";
          content = Map.of("reason", "1");
        }
        case REST -> {
          eventType = "AgentState_SetRest_Success";
          content = Map.of("reason", "0");
        }
        default -> eventType = "AgentState_Ready";
      }
      if (!session.elsewhere) {
        deliver(session, event(eventType, session.workNo, content, now));
      }
    }
  }

  /** A run of exclusive work, refused with 000-007 while the same call is in progress. */
  public Reply exclusive(int workNo, String operation, Supplier<Reply> call) {
    if (!tryEnter(workNo, operation)) {
      return Reply.error(Retcodes.REPEATED_CALL);
    }
    try {
      return call.get();
    } finally {
      exit(workNo, operation);
    }
  }

  /**
   * Marks {@code key} in progress for the agent; false if it already is. Sign-in and sign-out share
   * the key "session" (they are mutually exclusive per agent, section 3.1).
   */
  public boolean tryEnter(int workNo, String key) {
    return inFlight.add(key + ":" + workNo);
  }

  public void exit(int workNo, String key) {
    inFlight.remove(key + ":" + workNo);
  }

  static Integer parseInt(String raw) {
    if (raw == null || raw.isEmpty() || raw.length() > 9) {
      return null;
    }
    for (int i = 0; i < raw.length(); i++) {
      if (!Character.isDigit(raw.charAt(i))) {
        return null;
      }
    }
    return Integer.valueOf(raw);
  }

  /** An agent id from a path: digits, 101..999999 (section 1.4), else {@code null}. */
  public static Integer agentId(String raw) {
    Integer id = parseInt(raw);
    return id != null && id >= 101 && id <= 999_999 ? id : null;
  }
}
