package io.statedesk.core.cluster;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A running console instance and how long its heartbeat vouches for it. */
@Entity
@Table(name = "cluster_member")
public class ClusterMember {

  @Id
  @Column(name = "instance_id", length = 100)
  private String instanceId;

  @Column(name = "console_id", nullable = false, length = 64)
  private String consoleId;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "beat_until", nullable = false)
  private Instant beatUntil;

  /** The console's gateway circuit breaker at its last beat (CLOSED, OPEN, HALF_OPEN). */
  @Column(name = "breaker", length = 16)
  private String breaker;

  protected ClusterMember() {}

  ClusterMember(
      String instanceId, String consoleId, Instant startedAt, Instant beatUntil, String breaker) {
    this.instanceId = instanceId;
    this.consoleId = consoleId;
    this.startedAt = startedAt;
    this.beatUntil = beatUntil;
    this.breaker = breaker;
  }

  public String getInstanceId() {
    return instanceId;
  }

  public String getConsoleId() {
    return consoleId;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getBeatUntil() {
    return beatUntil;
  }

  public String getBreaker() {
    return breaker;
  }
}
