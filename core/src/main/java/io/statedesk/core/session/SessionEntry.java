package io.statedesk.core.session;

import java.io.Serializable;
import java.time.Instant;

/**
 * What the store knows about an agent's session.
 *
 * @param agentId the agent
 * @param handle the last handle, or {@code null} when there never was one
 * @param availability the state of that handle
 * @param note why it is NONE, STALE or TAKEN_OVER (e.g. "signed in elsewhere"), or {@code null}
 * @param since when this entry was written
 */
public record SessionEntry(
    int agentId, AgentHandle handle, Availability availability, String note, Instant since)
    implements Serializable {

  static SessionEntry live(AgentHandle handle) {
    return new SessionEntry(
        handle.agentId(),
        handle,
        handle.source() == SessionSource.HOSTED ? Availability.HOSTED : Availability.RELAYED,
        null,
        Instant.now());
  }

  SessionEntry stale(String why) {
    return new SessionEntry(agentId, handle, Availability.STALE, why, Instant.now());
  }

  static SessionEntry none(int agentId, SessionSource source, String why) {
    return new SessionEntry(agentId, null, Availability.NONE, why, Instant.now());
  }

  /** A hosted agent whose session somebody else holds: not overridden, retried later. */
  static SessionEntry takenOver(int agentId, String why) {
    return new SessionEntry(agentId, null, Availability.TAKEN_OVER, why, Instant.now());
  }

  /** Whether the handle can be used for gateway calls now. */
  public boolean isUsable() {
    return handle != null && availability.isLive();
  }
}
