package io.statedesk.core.bulk;

import io.statedesk.core.gateway.AgentId;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One agent of a bulk change: what was to be done, what the agent had before, and what happened.
 * Written as {@link OutcomeStatus#PENDING} with the change, before any gateway call.
 */
@Entity
@Table(name = "bulk_outcome")
public class BulkOutcome {

  @Id
  @SequenceGenerator(
      name = "bulk_outcome_seq",
      sequenceName = "bulk_outcome_seq",
      allocationSize = 500)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bulk_outcome_seq")
  private Long id;

  @Column(name = "change_id", nullable = false, updatable = false)
  private long changeId;

  @Column(name = "agent_id", nullable = false, updatable = false)
  private int agentId;

  @Column(name = "agent_name", updatable = false, length = 100)
  private String agentName;

  @Column(updatable = false, length = 64)
  private String team;

  @Column(name = "target_state", updatable = false)
  private Integer targetState;

  @Column(name = "previous_state", updatable = false)
  private Integer previousState;

  @Column(name = "previous_known", nullable = false, updatable = false)
  private boolean previousKnown;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private OutcomeStatus status;

  @Column(nullable = false)
  private boolean verified;

  @Column(length = 16)
  private String retcode;

  @Column(length = 300)
  private String reason;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "duration_ms")
  private Long durationMs;

  @Column(name = "finished_at")
  private Instant finishedAt;

  /** How often the state was re-applied after the agent got a new session. */
  @Column(nullable = false)
  private int reapplied;

  /** Whether a read-back found the state changed outside StateDesk. */
  @Column(nullable = false)
  private boolean drifted;

  /** The target's label as it was when the change was made (V19). */
  @Column(name = "target_label", length = 40)
  private String targetLabel;

  @Column(name = "target_colour", length = 7)
  private String targetColour;

  /** The console instance that claimed the agent's call (it holds the agent's session). */
  @Column(length = 100)
  private String owner;

  /** Moved by every claim and result: a write is conditional on the state it read. */
  @Column(nullable = false)
  private long version;

  protected BulkOutcome() {}

  BulkOutcome(
      long changeId,
      int agentId,
      String agentName,
      String team,
      Integer targetState,
      Integer previousState,
      boolean previousKnown) {
    this.changeId = changeId;
    this.agentId = agentId;
    this.agentName = agentName;
    this.team = team;
    this.targetState = targetState;
    this.previousState = previousState;
    this.previousKnown = previousKnown;
    this.status = OutcomeStatus.PENDING;
  }

  /** Ends the outcome at once (preview verdicts that need no call: skipped, no session). */
  BulkOutcome skip(OutcomeStatus status, String reason, Instant at) {
    this.status = status;
    this.reason = reason;
    this.finishedAt = at;
    return this;
  }

  void inFlight() {
    this.status = OutcomeStatus.IN_FLIGHT;
  }

  void pending() {
    this.status = OutcomeStatus.PENDING;
  }

  void finish(AgentResult result, Instant at) {
    this.status = result.status();
    this.verified = result.verified();
    this.retcode = result.retcode();
    this.reason = result.reason() == null ? null : BulkChange.cut(result.reason(), 300);
    this.attempts += result.attempts();
    this.durationMs = result.durationMs();
    this.finishedAt = at;
  }

  public Long getId() {
    return id;
  }

  public long getChangeId() {
    return changeId;
  }

  public int getAgentId() {
    return agentId;
  }

  /**
   * The agent as the engine takes it. Why beside {@link #getAgentId}: the column also holds the
   * numbers of a request's {@link Verdict#INVALID_ID} rows, which pages and exports show as given;
   * every outcome the change intends is a gateway agent id.
   *
   * @throws IllegalArgumentException for an {@link Verdict#INVALID_ID} row
   */
  public AgentId agent() {
    return new AgentId(agentId);
  }

  public String getAgentName() {
    return agentName;
  }

  public String getTeam() {
    return team;
  }

  public Integer getTargetState() {
    return targetState;
  }

  /** What the change does to this agent: the nullable column read as a target. */
  public StateTarget target() {
    return StateTarget.ofColumn(targetState);
  }

  public Integer getPreviousState() {
    return previousState;
  }

  public boolean isPreviousKnown() {
    return previousKnown;
  }

  public OutcomeStatus getStatus() {
    return status;
  }

  public boolean isVerified() {
    return verified;
  }

  public String getRetcode() {
    return retcode;
  }

  public String getReason() {
    return reason;
  }

  public int getAttempts() {
    return attempts;
  }

  public Long getDurationMs() {
    return durationMs;
  }

  public int getReapplied() {
    return reapplied;
  }

  public boolean isDrifted() {
    return drifted;
  }

  public String getOwner() {
    return owner;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public String getTargetLabel() {
    return targetLabel;
  }

  public String getTargetColour() {
    return targetColour;
  }
}
