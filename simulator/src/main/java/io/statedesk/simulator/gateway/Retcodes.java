package io.statedesk.simulator.gateway;

import java.util.Map;

/** The retcodes the simulator answers with, and their documented meanings (section 9). */
public final class Retcodes {

  public static final String OK = "0";
  public static final String WRONG_EVENT_METHOD = "000-001";
  public static final String BAD_PARAMETER = "000-002";
  public static final String NO_PERMISSION = "000-003";
  public static final String SWITCHING_OVER = "000-004";
  public static final String REPEATED_CALL = "000-007";
  public static final String SIGNIN_PARAMETER = "100-001";
  public static final String ALREADY_SIGNED_IN = "100-002";
  public static final String WRONG_PASSWORD = "100-004";
  public static final String NOT_SIGNED_IN = "100-006";
  public static final String OPERATION_EXCEPTION = "100-007";
  public static final String ALREADY_SIGNED_OUT = "100-008";
  public static final String STATE_ERROR = "100-009";
  public static final String SIGNOUT_STATE_ERROR = "100-010";
  public static final String PHONE_INVALID = "100-013";
  public static final String PHONE_OUT_OF_RANGE = "100-014";
  public static final String SIGNIN_IN_PROGRESS = "100-021";

  private static final Map<String, String> MEANINGS =
      Map.ofEntries(
          Map.entry("0", "success"),
          Map.entry("000-001", "wrong way of fetching agent events"),
          Map.entry(
              "000-002", "bad parameter or address in the URL, or invalid interface parameter"),
          Map.entry(
              "000-003", "no permission to call the interface; authentication may have expired"),
          Map.entry("000-004", "agent is being switched over"),
          Map.entry("000-005", "inspected agent is the inspector"),
          Map.entry("000-006", "message parameter error"),
          Map.entry("000-007", "interface called repeatedly"),
          Map.entry("100-001", "sign-in parameter empty or invalid"),
          Map.entry("100-002", "agent already signed in"),
          Map.entry("100-003", "ResourceUnavailable/ProviderUnavailable exception during sign-in"),
          Map.entry("100-004", "wrong user name or password at sign-in"),
          Map.entry("100-005", "invalid sign-out parameter"),
          Map.entry("100-006", "agent not signed in"),
          Map.entry("100-007", "exception during the operation"),
          Map.entry("100-008", "agent already signed out"),
          Map.entry("100-009", "agent state error when setting state"),
          Map.entry("100-010", "state error at sign-out"),
          Map.entry("100-011", "invalid parameter at sign-in"),
          Map.entry("100-013", "phone number to bind is invalid"),
          Map.entry("100-014", "sign-in phone number outside the configured range"),
          Map.entry("100-015", "agent signed in and cannot be forcibly signed out"),
          Map.entry("100-020", "agent password expired"),
          Map.entry("100-021", "sign-in already in progress, don't repeat"),
          Map.entry("105-001", "agent info not cached in Redis"),
          Map.entry("105-002", "agent DR recovery in progress"),
          Map.entry("105-005", "DR recovery wait timed out, sign in again"),
          Map.entry("110-016", "account locked"));

  private Retcodes() {}

  /** The documented meaning, or "error" for a code the simulator does not describe. */
  public static String meaning(String retcode) {
    return MEANINGS.getOrDefault(retcode, "error");
  }

  /** Whether the simulator can answer with this code (fault injection accepts only these). */
  public static boolean isKnown(String retcode) {
    return MEANINGS.containsKey(retcode);
  }
}
