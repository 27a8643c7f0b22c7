package io.statedesk.simulator.gateway;

import io.statedesk.simulator.world.World;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The simulated CC-Gateway: one entry point per interface, each resolving the caller's session with
 * the shared {@link Preamble} and then applying its own documented rule. The parts live beside it:
 * {@link SignIns}, {@link EventPolls}, {@link CustomStates}, {@link DirectoryQueries}, the {@link
 * SessionStore} and, for the control API, {@link SessionControl}.
 *
 * <p>Plain Java with an injected clock and scheduler, so unit tests drive time by hand. Each
 * session is guarded by its own monitor; the maps are concurrent. Section numbers in comments refer
 * to {@code shared/gateway-api.md}.
 */
public final class Gateway {

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

    /** The operation's name in the request record and the faults' operation list. */
    public String logName() {
      return logName;
    }

    /** The interface's path name, the key in {@link GatewayStats}. */
    final String statsName;

    SignInKind(String logName, String statsName) {
      this.logName = logName;
      this.statsName = statsName;
    }
  }

  private final World world;
  private final LongSupplier clock;
  private final AtomicReference<GatewaySettings> settings;
  private final GatewayStats stats = new GatewayStats();
  private final InFlight inFlight = new InFlight();
  private final SessionStore store;
  private final Preamble preamble;
  private final SignIns signIns;
  private final EventPolls polls;
  private final DirectoryQueries directory;
  private final SessionControl control;

  public Gateway(
      World world,
      GatewaySettings settings,
      LongSupplier clock,
      ScheduledExecutorService scheduler) {
    this.world = world;
    this.clock = clock;
    this.settings = new AtomicReference<>(settings.validate());
    Supplier<GatewaySettings> current = this.settings::get;
    this.store = new SessionStore(current);
    this.preamble = new Preamble(store, current, clock, stats);
    this.signIns = new SignIns(world, store, clock, stats);
    this.polls = new EventPolls(store, current, clock, scheduler);
    this.directory = new DirectoryQueries(world, store, clock);
    this.control = new SessionControl(world, store, clock, new Activity(store, polls), inFlight);
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

  /** See {@link SignIns#requirePhoneNumber}: {@code simulator.require-phonenum}. */
  public void requirePhoneNumber(boolean required) {
    signIns.requirePhoneNumber(required);
  }

  /** The calls in progress per agent. */
  public InFlight inFlight() {
    return inFlight;
  }

  // ------------------------------------------------------------------- the agent's own (3-7)

  /** Sign-in, forced sign-in or platform-only sign-in (sections 3.1-3.3). */
  public Reply signIn(int workNo, Map<String, Object> body, SignInKind kind) {
    return signIns.signIn(workNo, body, kind);
  }

  /** Sign-out ({@code logout}, refused while talking) or forced sign-out, section 3.4. */
  public Reply signOut(int workNo, Credentials credentials, boolean force) {
    return withSession(
        workNo,
        credentials,
        force ? "forcelogout" : "logout",
        session -> {
          synchronized (session) {
            if (!force && session.working) {
              return Reply.error(Retcodes.SIGNOUT_STATE_ERROR);
            }
          }
          store.remove(session);
          return Reply.ok(Map.of());
        });
  }

  /**
   * {@code updateGuid} (section 2.3): a new Guid in the body; the old one gets the grace period.
   */
  public Reply updateGuid(int workNo, Credentials credentials) {
    return withLockedSession(
        workNo,
        credentials,
        "updateguid",
        session -> Reply.ok(Map.of("guid", store.rotate(session, clock.getAsLong()))));
  }

  /** {@code setcustomstate?customstate=N}: 0..65534, else 000-002 before any Guid check. */
  public Reply setCustomState(int workNo, Credentials credentials, String customState) {
    Integer value = CustomStates.parse(customState);
    if (value == null) {
      return Reply.error(Retcodes.BAD_PARAMETER);
    }
    return withLockedSession(
        workNo, credentials, "setcustomstate", session -> CustomStates.set(session, value));
  }

  /** {@code querycustomstate}, see {@link CustomStates#query}. */
  public Reply queryCustomState(int workNo, Credentials credentials) {
    return withLockedSession(workNo, credentials, "querycustomstate", CustomStates::query);
  }

  /** {@code cancelsetcustomstate}, see {@link CustomStates#cancel}. */
  public Reply cancelCustomState(int workNo, Credentials credentials) {
    return withLockedSession(workNo, credentials, "cancelsetcustomstate", CustomStates::cancel);
  }

  /** {@code agentstatus}: the agent's own state (section 5). */
  public Reply agentStatus(int workNo, Credentials credentials) {
    return withLockedSession(
        workNo,
        credentials,
        "agentstatus",
        session -> {
          Map<String, Object> result = new LinkedHashMap<>();
          result.put("agentState", session.state);
          result.put("isWorking", session.working);
          return Reply.ok(result);
        });
  }

  /**
   * The event long-poll (section 7.1), see {@link EventPolls}.
   *
   * @param resume receives the answer exactly once, possibly on another thread
   */
  public void poll(int workNo, Credentials credentials, Consumer<Reply> resume) {
    Preamble.Access access = preamble.resolve(workNo, credentials, "agentevent");
    if (access.refusal() != null) {
      resume.accept(access.refusal());
    } else {
      polls.poll(access.session(), resume);
    }
  }

  // ---------------------------------------------------------------------- agentgroup (8.2)

  /** {@code agentgroup/{caller}/agentbyworkno/{workno}}: one agent's details. */
  public Reply agentByWorkNo(int caller, Credentials credentials, String workNo) {
    return withSession(caller, credentials, "agentbyworkno", s -> directory.agentByWorkNo(workNo));
  }

  /** {@code agentgroup/{caller}/agentongroupex?groupid=}: the agents of one group. */
  public Reply agentsOfGroup(int caller, Credentials credentials, String groupId) {
    return withSession(
        caller, credentials, "agentongroupex", s -> directory.agentsOfGroup(groupId));
  }

  /** {@code agentgroup/{caller}/allagentstatus}: every agent's state in the VDN. */
  public Reply allAgentStatus(int caller, Credentials credentials) {
    return withSession(caller, credentials, "allagentstatus", s -> directory.allAgentStatus());
  }

  /** {@code agentgroup/{caller}/grouponvdn}: the groups of the VDN. */
  public Reply groupsOnVdn(int caller, Credentials credentials) {
    return withSession(caller, credentials, "grouponvdn", s -> directory.groupsOnVdn());
  }

  /** {@code onlineagent/{caller}/agentskillsbyworkno/{workno}}: another agent's skills. */
  public Reply skillsByWorkNo(int caller, Credentials credentials, String workNo) {
    return withSession(
        caller, credentials, "agentskillsbyworkno", s -> directory.skillsByWorkNo(workNo));
  }

  /** Runs {@code action} on the caller's session, or answers the preamble's refusal. */
  private Reply withSession(
      int workNo, Credentials credentials, String iface, Function<Session, Reply> action) {
    Preamble.Access access = preamble.resolve(workNo, credentials, iface);
    return access.refusal() != null ? access.refusal() : action.apply(access.session());
  }

  /** Like {@link #withSession}, holding the session's monitor while {@code action} runs. */
  private Reply withLockedSession(
      int workNo, Credentials credentials, String iface, Function<Session, Reply> action) {
    return withSession(
        workNo,
        credentials,
        iface,
        session -> {
          synchronized (session) {
            return action.apply(session);
          }
        });
  }

  // ------------------------------------------------------------------ housekeeping and control

  /** What the control API and housekeeping do to sessions. */
  public SessionControl control() {
    return control;
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
