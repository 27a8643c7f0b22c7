package io.statedesk.core.schedule;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** A change to start at a time, and optionally to revert at a later time (UTC). */
@Entity
@Table(name = "scheduled_change")
public class ScheduledChange {

  @Id
  @SequenceGenerator(
      name = "scheduled_change_seq",
      sequenceName = "scheduled_change_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "scheduled_change_seq")
  private Long id;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false, length = 64)
  private String createdBy;

  @Column(name = "agent_ids", nullable = false, length = 400_000)
  private String agentIds;

  private Integer code;

  @Column(length = 500)
  private String note;

  @Column(name = "idempotency_key", updatable = false, length = 100)
  private String idempotencyKey;

  @Column(name = "start_at", nullable = false)
  private Instant startAt;

  @Column(name = "revert_at")
  private Instant revertAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private ScheduleStatus status;

  @Column(name = "status_detail", length = 300)
  private String statusDetail;

  @Column(name = "change_id")
  private Long changeId;

  @Column(name = "revert_change_id")
  private Long revertChangeId;

  @Column(name = "claim_owner", length = 100)
  private String claimOwner;

  @Column(name = "claim_until")
  private Instant claimUntil;

  @Version private long version;

  protected ScheduledChange() {}

  ScheduledChange(
      String createdBy,
      Instant now,
      List<Integer> agents,
      Integer code,
      String note,
      String key,
      Instant startAt,
      Instant revertAt) {
    this.createdBy = createdBy;
    this.createdAt = now;
    this.agentIds = agents.stream().map(String::valueOf).collect(Collectors.joining(","));
    this.code = code;
    this.note = note;
    this.idempotencyKey = key;
    this.startAt = startAt;
    this.revertAt = revertAt;
    this.status = ScheduleStatus.SCHEDULED;
  }

  void edit(Integer code, Instant startAt, Instant revertAt) {
    this.code = code;
    this.startAt = startAt;
    this.revertAt = revertAt;
  }

  void status(ScheduleStatus status, String detail) {
    this.status = status;
    this.statusDetail = detail == null ? null : detail.substring(0, Math.min(300, detail.length()));
  }

  void advance(ScheduleStatus to, String detail, Long change, Long revert) {
    status(to, detail);
    if (change != null) {
      this.changeId = change;
    }
    if (revert != null) {
      this.revertChangeId = revert;
    }
    this.claimOwner = null;
    this.claimUntil = null;
  }

  public Long getId() {
    return id;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }

  /** The agents, as fixed when the change was scheduled (the creator's agents only). */
  public List<Integer> getAgents() {
    return agentIds.isEmpty()
        ? List.of()
        : Arrays.stream(agentIds.split(",")).map(Integer::valueOf).toList();
  }

  public Integer getCode() {
    return code;
  }

  public String getNote() {
    return note;
  }

  public Instant getStartAt() {
    return startAt;
  }

  public Instant getRevertAt() {
    return revertAt;
  }

  public ScheduleStatus getStatus() {
    return status;
  }

  public String getStatusDetail() {
    return statusDetail;
  }

  public Long getChangeId() {
    return changeId;
  }

  public Long getRevertChangeId() {
    return revertChangeId;
  }
}
