package io.statedesk.core.desired;

import java.time.Instant;

/**
 * An agent's desired state as pages and the API show it.
 *
 * @param agentId the agent
 * @param code the state the console intends, or {@code null} for none (cleared)
 * @param changeId the change that set it
 * @param setBy who made that change
 * @param since when
 * @param until when a scheduled revert ends it, or {@code null}
 */
public record Desired(
    int agentId, Integer code, long changeId, String setBy, Instant since, Instant until) {

  static Desired of(DesiredLayer l) {
    return new Desired(
        l.getAgentId(), l.getCode(), l.getChangeId(), l.getSetBy(), l.getSince(), l.getUntil());
  }
}
