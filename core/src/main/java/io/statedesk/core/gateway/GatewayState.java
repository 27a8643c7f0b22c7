package io.statedesk.core.gateway;

/** The CC-Gateway agent state ({@code agentState}, {@code status}), gateway-api.md section 6.1. */
public enum GatewayState {
  UNKNOWN(0),
  SIGNED_IN(1),
  SIGNED_OUT(2),
  BUSY(3),
  IDLE(4),
  WORK(5),
  IDLE_RESERVED(6),
  TALKING(7),
  REST(8),
  PRE_REST(9);

  private final int code;

  GatewayState(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  /** The state for a code; unlisted codes are {@link #UNKNOWN}. */
  public static GatewayState of(int code) {
    for (GatewayState state : values()) {
      if (state.code == code) {
        return state == IDLE_RESERVED ? IDLE : state;
      }
    }
    return UNKNOWN;
  }
}
