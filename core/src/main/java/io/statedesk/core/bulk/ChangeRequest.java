package io.statedesk.core.bulk;

import io.statedesk.core.directory.AgentFilter;
import java.util.List;

/**
 * What a supervisor asks for: which agents (explicit ids, or a filter resolved when the change is
 * made), which state (a catalog code, or clear), and the safeguards.
 *
 * @param agentIds the agents, or {@code null} to use {@code filter}
 * @param filter the agents matching this directory filter (within the caller's teams)
 * @param code the catalog code to set, or {@code null} with {@code clear}
 * @param clear {@code true} to clear the custom state ({@code cancelsetcustomstate})
 * @param note why, for the history (up to 500 characters), or {@code null}
 * @param idempotencyKey the same key from the same user makes the same change once, or {@code null}
 * @param verify read each agent's state back, or {@code null} for the configured default
 * @param confirmCount the number of agents the user typed, required above the configured size
 */
public record ChangeRequest(
    List<Integer> agentIds,
    AgentFilter filter,
    Integer code,
    boolean clear,
    String note,
    String idempotencyKey,
    Boolean verify,
    Integer confirmCount) {

  public ChangeRequest {
    agentIds = agentIds == null ? null : List.copyOf(agentIds);
  }

  /** Explicit agents, one code. */
  public static ChangeRequest set(List<Integer> agentIds, int code) {
    return new ChangeRequest(agentIds, null, code, false, null, null, null, null);
  }

  public ChangeRequest withKey(String key) {
    return new ChangeRequest(agentIds, filter, code, clear, note, key, verify, confirmCount);
  }

  public ChangeRequest withConfirmation(Integer count) {
    return new ChangeRequest(agentIds, filter, code, clear, note, idempotencyKey, verify, count);
  }

  public ChangeRequest withVerify(Boolean value) {
    return new ChangeRequest(
        agentIds, filter, code, clear, note, idempotencyKey, value, confirmCount);
  }
}
