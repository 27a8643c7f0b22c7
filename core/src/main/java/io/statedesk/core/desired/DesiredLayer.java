package io.statedesk.core.desired;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One change's desire for one agent. The agent's desired state is its newest layer; older layers
 * resume when newer ones are undone or reverted ("the later change wins while it lasts").
 */
@Entity
@Table(name = "desired_layer")
public class DesiredLayer {

  @Id
  @SequenceGenerator(
      name = "desired_layer_seq",
      sequenceName = "desired_layer_seq",
      allocationSize = 500)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "desired_layer_seq")
  private Long id;

  @Column(name = "agent_id", nullable = false, updatable = false)
  private int agentId;

  @Column(name = "change_id", nullable = false, updatable = false)
  private long changeId;

  /** The custom state, or {@code null} for none (cleared). */
  @Column(updatable = false)
  private Integer code;

  @Column(name = "set_by", nullable = false, updatable = false, length = 64)
  private String setBy;

  @Column(nullable = false, updatable = false)
  private Instant since;

  @Column(name = "until")
  private Instant until;

  protected DesiredLayer() {}

  DesiredLayer(
      int agentId, long changeId, Integer code, String setBy, Instant since, Instant until) {
    this.agentId = agentId;
    this.changeId = changeId;
    this.code = code;
    this.setBy = setBy;
    this.since = since;
    this.until = until;
  }

  public Long getId() {
    return id;
  }

  public int getAgentId() {
    return agentId;
  }

  public long getChangeId() {
    return changeId;
  }

  public Integer getCode() {
    return code;
  }

  public String getSetBy() {
    return setBy;
  }

  public Instant getSince() {
    return since;
  }

  public Instant getUntil() {
    return until;
  }
}
