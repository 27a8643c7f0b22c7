package io.statedesk.simulator.gateway;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * Calls in progress per agent, for the gateway's "don't repeat" rules: a second sign-in or sign-out
 * of an agent while one runs gets {@code 100-021} (sign-in and sign-out share the key "session",
 * section 3.1), a second {@code setcustomstate} {@code 000-007}.
 */
public final class InFlight {

  private final Set<String> keys = ConcurrentHashMap.newKeySet();

  /** Marks {@code key} in progress for the agent; false if it already is. */
  public boolean tryEnter(int workNo, String key) {
    return keys.add(key + ":" + workNo);
  }

  /** The keys in progress for the agent, sorted: what a test waits for instead of sleeping. */
  public List<String> of(int workNo) {
    String suffix = ":" + workNo;
    return keys.stream()
        .filter(k -> k.endsWith(suffix))
        .map(k -> k.substring(0, k.length() - suffix.length()))
        .sorted()
        .toList();
  }

  public void exit(int workNo, String key) {
    keys.remove(key + ":" + workNo);
  }

  /** Runs {@code call} marked as {@code key} in progress; {@code 000-007} while it already is. */
  public Reply exclusive(int workNo, String key, Supplier<Reply> call) {
    if (!tryEnter(workNo, key)) {
      return Reply.error(Retcodes.REPEATED_CALL);
    }
    try {
      return call.get();
    } finally {
      exit(workNo, key);
    }
  }
}
