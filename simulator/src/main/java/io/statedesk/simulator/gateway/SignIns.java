package io.statedesk.simulator.gateway;

import static io.statedesk.simulator.gateway.Gateway.BUSY;
import static io.statedesk.simulator.gateway.Gateway.IDLE;
import static io.statedesk.simulator.gateway.Gateway.WORK;

import io.statedesk.simulator.gateway.Gateway.SignInKind;
import io.statedesk.simulator.world.Agent;
import io.statedesk.simulator.world.World;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.logging.Logger;

/**
 * The sign-in interfaces (sections 3.1-3.3): the body's rules, {@code 100-002} while the agent is
 * signed in (here or by another desktop) unless forced, a new session with its sign-in events.
 */
final class SignIns {

  private static final Logger LOG = Logger.getLogger(SignIns.class.getName());

  private final World world;
  private final SessionStore store;
  private final LongSupplier clock;
  private final GatewayStats stats;
  private volatile boolean requirePhoneNumber = true;

  SignIns(World world, SessionStore store, LongSupplier clock, GatewayStats stats) {
    this.world = world;
    this.store = store;
    this.clock = clock;
    this.stats = stats;
  }

  /**
   * Whether sign-in requires {@code phonenum} (the newer pages' rule, the default); when off, a
   * sign-in without one is accepted, while a given one must still be the agent's own.
   */
  void requirePhoneNumber(boolean required) {
    this.requirePhoneNumber = required;
  }

  /**
   * Sign-in, forced sign-in or platform-only sign-in.
   *
   * @param body the JSON request body as a map, or {@code null} if it was not a JSON object
   */
  Reply signIn(int workNo, Map<String, Object> body, SignInKind kind) {
    String refusal = refusal(workNo, body);
    if (refusal != null) {
      return Reply.error(refusal);
    }
    long now = clock.getAsLong();
    if (kind != SignInKind.FORCE && store.live(workNo, now) != null) {
      return Reply.error(Retcodes.ALREADY_SIGNED_IN);
    }
    int status = statusOf(body.get("status"));
    Session session = store.open(workNo, false, status, now);
    String guid;
    synchronized (session) {
      guid = session.guid;
      session.enqueue(EventPolls.event("AgentOther_InService", workNo, null, now));
      session.enqueue(EventPolls.event("AgentState_Ready", workNo, null, now));
      if (status == BUSY) {
        session.enqueue(
            EventPolls.event("AgentState_SetNotReady_Success", workNo, Map.of("reason", "1"), now));
      } else if (status == WORK) {
        session.enqueue(EventPolls.event("AgentState_Work", workNo, null, now));
      }
    }
    stats.signedIn(workNo, kind);
    LOG.fine(() -> kind.logName + " agent " + workNo + " guid " + Guids.mask(guid));
    return reply(session, guid, kind, now);
  }

  /** The retcode that refuses the body, or {@code null} if it may sign in. */
  private String refusal(int workNo, Map<String, Object> body) {
    if (body == null) {
      return Retcodes.SIGNIN_PARAMETER;
    }
    Object password = body.get("password");
    if (!(password instanceof String pwd) || pwd.length() > 32) {
      return Retcodes.SIGNIN_PARAMETER;
    }
    Object phone = body.get("phonenum");
    String phoneRule = phoneNumberFormat(phone);
    if (phoneRule != null) {
      return phoneRule;
    }
    if (statusOf(body.get("status")) == null) {
      return Retcodes.SIGNIN_PARAMETER;
    }
    Agent agent = world.agent(workNo);
    if (agent == null || !agent.password().equals(pwd)) {
      return Retcodes.WRONG_PASSWORD;
    }
    if (phone != null && !"".equals(phone) && !agent.phoneNumber().equals(phone)) {
      return Retcodes.PHONE_OUT_OF_RANGE;
    }
    return null;
  }

  /**
   * The {@code phonenum} field's format (section 3.1, the newer pages: mandatory, at most 24
   * characters): missing or empty {@code 100-001} (allowed when the rule is switched off), too long
   * {@code 100-001}, not all digits {@code 100-013}; {@code null} when the format holds.
   */
  private String phoneNumberFormat(Object phone) {
    if (phone == null || "".equals(phone)) {
      return requirePhoneNumber ? Retcodes.SIGNIN_PARAMETER : null;
    }
    if (!(phone instanceof String p) || p.length() > 24) {
      return Retcodes.SIGNIN_PARAMETER;
    }
    for (int i = 0; i < p.length(); i++) {
      if (p.charAt(i) < '0' || p.charAt(i) > '9') {
        return Retcodes.PHONE_INVALID;
      }
    }
    return null;
  }

  private static Reply reply(Session session, String guid, SignInKind kind, long now) {
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("vdnid", World.VDN);
    result.put("workno", Integer.toString(session.workNo));
    result.put("mediatype", kind == SignInKind.LOGINEX ? "FFF" : "TTF");
    result.put("loginTime", Long.toString(now));
    result.put("isForceChange", "false");
    result.put("serverName", "AgentGateway");
    result.put("timeRemaining", "");
    Reply reply = Reply.ok(result).header("Set-GUID", "JSESSIONID=" + guid);
    if (session.lbCookie != null) {
      reply.header("Set-Cookie", session.lbCookie + "; Path=/; HttpOnly");
    }
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
}
