package io.statedesk.core.bulk;

import io.statedesk.core.directory.AgentFilter;
import java.util.List;

/**
 * What a supervisor asks for: which agents (explicit ids, or a filter resolved when the change is
 * made), which state (a catalog code, or clear), and the safeguards.
 *
 * @param agentIds the agents, or {@code null} to use {@code filter}
 * @param filter the agents matching this directory filter (within the caller's teams)
 * @param target the code to set or clear, checked where the request was read ({@link
 *     StateTarget#of})
 * @param note why, for the history (up to 500 characters), or {@code null}
 * @param idempotencyKey the same key from the same user makes the same change once, or {@code null}
 * @param verify read each agent's state back, or {@code null} for the configured default
 * @param confirmCount the number of agents the user typed, required above the configured size
 */
public record ChangeRequest(
    List<Integer> agentIds,
    AgentFilter filter,
    StateTarget target,
    String note,
    String idempotencyKey,
    Boolean verify,
    Integer confirmCount) {

  public ChangeRequest {
    if (target == null) {
      throw new IllegalArgumentException("a target: a code to set, or clear");
    }
    agentIds = agentIds == null ? null : List.copyOf(agentIds);
  }

  /** Explicit agents, one code. */
  public static ChangeRequest set(List<Integer> agentIds, int code) {
    return new ChangeRequest(agentIds, null, StateTarget.set(code), null, null, null, null);
  }

  public ChangeRequest withKey(String key) {
    return new ChangeRequest(agentIds, filter, target, note, key, verify, confirmCount);
  }

  public ChangeRequest withConfirmation(Integer count) {
    return new ChangeRequest(agentIds, filter, target, note, idempotencyKey, verify, count);
  }

  public ChangeRequest withVerify(Boolean value) {
    return new ChangeRequest(agentIds, filter, target, note, idempotencyKey, value, confirmCount);
  }
}
