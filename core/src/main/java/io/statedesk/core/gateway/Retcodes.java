package io.statedesk.core.gateway;

import static io.statedesk.core.gateway.RetcodeClass.AGENT_STATE;
import static io.statedesk.core.gateway.RetcodeClass.INVALID_REQUEST;
import static io.statedesk.core.gateway.RetcodeClass.STALE_SESSION;
import static io.statedesk.core.gateway.RetcodeClass.SUCCESS;
import static io.statedesk.core.gateway.RetcodeClass.TRANSIENT;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Every retcode of the agent-operation family documented in gateway-api.md section 9, with its
 * class. Unknown codes are reported as {@link RetcodeClass#UNKNOWN}, never guessed.
 */
public final class Retcodes {

  private static final Map<String, Retcode> TABLE = new LinkedHashMap<>();

  static {
    add("0", "success", SUCCESS);
    add("000-001", "wrong way of fetching agent events", INVALID_REQUEST);
    add(
        "000-002",
        "bad parameter or address in the URL, or invalid interface parameter",
        INVALID_REQUEST);
    add(
        "000-003",
        "no permission to call the interface; authentication may have expired",
        STALE_SESSION);
    add("000-004", "agent is being switched over", TRANSIENT);
    add("000-005", "inspected agent is the inspector", INVALID_REQUEST);
    add("000-006", "message parameter error", INVALID_REQUEST);
    add("000-007", "interface called repeatedly", TRANSIENT);
    add("100-001", "sign-in parameter empty or invalid", INVALID_REQUEST);
    add("100-002", "agent already signed in", AGENT_STATE);
    add("100-003", "resource or provider unavailable during sign-in", TRANSIENT);
    add("100-004", "wrong user name or password at sign-in", INVALID_REQUEST);
    add("100-005", "invalid sign-out parameter", INVALID_REQUEST);
    add("100-006", "agent not signed in (or Guid mismatch)", STALE_SESSION);
    add("100-007", "exception during the operation (WAS unreachable or internal error)", TRANSIENT);
    add("100-008", "agent already signed out", AGENT_STATE);
    add("100-009", "agent state error when setting state", AGENT_STATE);
    add("100-010", "state error at sign-out", AGENT_STATE);
    add("100-011", "invalid parameter at sign-in", INVALID_REQUEST);
    add("100-012", "wrong agent type at sign-in", INVALID_REQUEST);
    add("100-013", "phone number to bind is invalid", INVALID_REQUEST);
    add("100-014", "sign-in phone number outside the configured range", INVALID_REQUEST);
    add("100-015", "agent signed in and cannot be forcibly signed out", AGENT_STATE);
    add("100-016", "invalid IP at sign-in", INVALID_REQUEST);
    add("100-017", "uPortal authentication failed", INVALID_REQUEST);
    add("100-018", "sign-in VDN id differs from the playback VDN id", INVALID_REQUEST);
    add("100-019", "invalid parameter when querying skill queues", INVALID_REQUEST);
    add("100-020", "agent password expired", INVALID_REQUEST);
    add("100-021", "sign-in already in progress", TRANSIENT);
    add("110-016", "account locked", INVALID_REQUEST);
    add("105-001", "agent info not cached in Redis", TRANSIENT);
    add("105-002", "agent DR recovery in progress", TRANSIENT);
    add("105-003", "DR recovery already done", TRANSIENT);
    add("105-004", "failed to queue agent for DR recovery", TRANSIENT);
    add("105-005", "DR recovery wait timed out: sign in again", STALE_SESSION);
    add("105-006", "DR recovery Guid mismatch: sign in again", STALE_SESSION);
    add("105-007", "DR switch off: sign in again", STALE_SESSION);
  }

  private Retcodes() {}

  private static void add(String code, String meaning, RetcodeClass retcodeClass) {
    TABLE.put(code, new Retcode(code, meaning, retcodeClass));
  }

  /** The documented retcode, or an {@link RetcodeClass#UNKNOWN} one that keeps the raw code. */
  public static Retcode of(String code) {
    Retcode known = TABLE.get(code);
    return known != null
        ? known
        : new Retcode(String.valueOf(code), "undocumented retcode", RetcodeClass.UNKNOWN);
  }

  /** All documented codes, in table order. */
  public static Collection<Retcode> all() {
    return TABLE.values();
  }
}
