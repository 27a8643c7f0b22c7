package io.statedesk.core.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * "Agent X's gateway session is held by console C until T": what a console needs after an unclean
 * stop to take back exactly its own sessions. Never the Guid (Guids are bearer credentials and live
 * only in memory).
 */
@Entity
@Table(name = "session_hold")
public class SessionHold {

  @Id
  @Column(name = "agent_id")
  private int agentId;

  @Column(name = "console_id", nullable = false, length = 64)
  private String consoleId;

  @Column(name = "held_until", nullable = false)
  private Instant heldUntil;

  protected SessionHold() {}

  SessionHold(int agentId, String consoleId, Instant heldUntil) {
    this.agentId = agentId;
    this.consoleId = consoleId;
    this.heldUntil = heldUntil;
  }

  public int getAgentId() {
    return agentId;
  }

  public String getConsoleId() {
    return consoleId;
  }

  public Instant getHeldUntil() {
    return heldUntil;
  }
}
