package io.statedesk.simulator.gateway;

import java.util.Map;

/**
 * The custom-state rules (section 4): the agent's own number beside its CC-Gateway state, which the
 * console uses as its state code. Kept apart from {@link Gateway} so that the range and the
 * "nothing to cancel" rule are found under their own name; each method expects the caller to hold
 * the session's monitor, as {@link Gateway} does after the {@link Preamble} granted the call.
 */
final class CustomStates {

  /** {@code querycustomstate}'s value when no custom state is set (section 4.2). */
  static final int UNSET = 65535;

  /** The highest value {@code setcustomstate} accepts; {@link #UNSET} itself is refused. */
  private static final int MAX = 65534;

  private CustomStates() {}

  /** The {@code customstate} parameter as a value 0..65534, or {@code null} (then 000-002). */
  static Integer parse(String raw) {
    Integer value = Gateway.parseInt(raw);
    return value == null || value > MAX ? null : value;
  }

  /** {@code setcustomstate}: the value replaces any earlier one (section 4.1). */
  static Reply set(Session session, int value) {
    session.customState = value;
    return Reply.ok(Map.of());
  }

  /** {@code querycustomstate}: the value as a string, "65535" when unset (section 4.2). */
  static Reply query(Session session) {
    return Reply.ok(Map.of("agentcustomstate", Integer.toString(session.customState)));
  }

  /** {@code cancelsetcustomstate}: {@code 100-009} when none is set (section 4.3). */
  static Reply cancel(Session session) {
    if (session.customState == UNSET) {
      return Reply.error(Retcodes.STATE_ERROR);
    }
    session.customState = UNSET;
    return Reply.ok(Map.of());
  }
}
