package io.statedesk.core.bulk;

import io.statedesk.core.gateway.AgentId;

/**
 * The final result of one agent's call(s), as the engine hands it to the store.
 *
 * @param outcomeId the outcome row
 * @param agentId the agent
 * @param target the state that was set, or cleared
 * @param status a final status
 * @param verified whether a read-back confirmed the state
 * @param retcode the gateway's last retcode (or a transport kind such as {@code HTTP 503}), or
 *     {@code null}
 * @param reason what happened, for people; never a Guid
 * @param attempts gateway calls made for the change itself (read-backs not counted)
 * @param durationMs from the first attempt to the result
 */
public record AgentResult(
    long outcomeId,
    AgentId agentId,
    StateTarget target,
    OutcomeStatus status,
    boolean verified,
    String retcode,
    String reason,
    int attempts,
    long durationMs) {

  public AgentResult {
    if (!status.isFinal()) {
      throw new IllegalArgumentException("an agent result must be final, was " + status);
    }
  }

  /** Whether the agent's custom state is now {@code target} as far as we know. */
  public boolean changedState() {
    return status == OutcomeStatus.SUCCEEDED;
  }
}
