package io.statedesk.core.session;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Whether the console can act for an agent right now. */
public enum Availability {
  /** A live hosted session. */
  HOSTED,
  /** A relayed Guid, not known to be stale. */
  RELAYED,
  /** No session at all (not hosted, nothing relayed, or hosted sign-in refused). */
  NONE,
  /** There was a handle, but the gateway no longer accepts it. */
  STALE,
  /**
   * Somebody else holds the agent's session (a desktop signed in, or the gateway refused ours with
   * 100-002 while force is off): the console does not override it and retries on its cadence.
   */
  TAKEN_OVER;

  /**
   * Whether the console holds a live session of the agent (hosted or relayed): it can act for the
   * agent now, and the agent is signed in at the gateway.
   */
  public boolean isLive() {
    return this == HOSTED || this == RELAYED;
  }

  /** The availability called {@code name} (any case, trimmed), if there is one. */
  public static Optional<Availability> named(String name) {
    String wanted = name == null ? "" : name.trim().toUpperCase(Locale.ROOT);
    return Arrays.stream(values()).filter(a -> a.name().equals(wanted)).findFirst();
  }

  /** The names, for messages: "HOSTED, RELAYED, NONE, STALE or TAKEN_OVER". */
  public static String names() {
    List<String> all = Arrays.stream(values()).map(Enum::name).toList();
    return String.join(", ", all.subList(0, all.size() - 1)) + " or " + all.get(all.size() - 1);
  }
}
