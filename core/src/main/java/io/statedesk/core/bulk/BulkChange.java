package io.statedesk.core.bulk;

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

/**
 * One bulk change: who asked for which state on how many agents, and where it stands. Its counts
 * are not here but in a row of their own, moved with every outcome write ({@link ChangeCounters}
 * says why).
 */
@Entity
@Table(name = "bulk_change")
public class BulkChange {

  @Id
  @SequenceGenerator(
      name = "bulk_change_seq",
      sequenceName = "bulk_change_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "bulk_change_seq")
  private Long id;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false, length = 64)
  private String createdBy;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 10)
  private ChangeKind kind;

  @Column(name = "origin_id", updatable = false)
  private Long originId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false, length = 10)
  private ChangeAction action;

  @Column(updatable = false)
  private Integer code;

  @Column(name = "code_label", updatable = false, length = 40)
  private String codeLabel;

  @Column(name = "code_colour", updatable = false, length = 7)
  private String codeColour;

  @Column(updatable = false, length = 500)
  private String note;

  @Column(name = "idempotency_key", updatable = false, length = 100)
  private String idempotencyKey;

  @Column(nullable = false, updatable = false)
  private boolean verify;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, length = 12)
  private ChangeStatus status;

  @Column(name = "status_detail", length = 300)
  private String statusDetail;

  @Column(name = "cancel_requested", nullable = false)
  private boolean cancelRequested;

  @Column(nullable = false, updatable = false)
  private int total;

  @Column(name = "started_at")
  private Instant startedAt;

  @Column(name = "finished_at")
  private Instant finishedAt;

  @Column(name = "lease_owner", length = 100)
  private String leaseOwner;

  @Column(name = "lease_until")
  private Instant leaseUntil;

  @Version private long version;

  protected BulkChange() {}

  BulkChange(
      String createdBy,
      Instant createdAt,
      ChangeKind kind,
      Long originId,
      ChangeAction action,
      Integer code,
      String codeLabel,
      String codeColour,
      String note,
      String idempotencyKey,
      boolean verify,
      int total) {
    this.createdBy = createdBy;
    this.createdAt = createdAt;
    this.kind = kind;
    this.originId = originId;
    this.action = action;
    this.code = code;
    this.codeLabel = codeLabel;
    this.codeColour = codeColour;
    this.note = note;
    this.idempotencyKey = idempotencyKey;
    this.verify = verify;
    this.total = total;
    this.status = ChangeStatus.QUEUED;
  }

  void status(ChangeStatus status, String detail, Instant at) {
    this.status = status;
    this.statusDetail = detail == null ? null : cut(detail, 300);
    if (status == ChangeStatus.RUNNING && startedAt == null) {
      startedAt = at;
    }
    if (status.isFinished()) {
      finishedAt = at;
      leaseOwner = null;
      leaseUntil = null;
    }
  }

  void lease(String owner, Instant until) {
    this.leaseOwner = owner;
    this.leaseUntil = until;
  }

  static String cut(String text, int max) {
    return text.length() > max ? text.substring(0, max) : text;
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

  public ChangeKind getKind() {
    return kind;
  }

  public Long getOriginId() {
    return originId;
  }

  public ChangeAction getAction() {
    return action;
  }

  public Integer getCode() {
    return code;
  }

  public String getCodeLabel() {
    return codeLabel;
  }

  public String getCodeColour() {
    return codeColour;
  }

  public String getNote() {
    return note;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public boolean isVerify() {
    return verify;
  }

  public ChangeStatus getStatus() {
    return status;
  }

  public String getStatusDetail() {
    return statusDetail;
  }

  public boolean isCancelRequested() {
    return cancelRequested;
  }

  public int getTotal() {
    return total;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getFinishedAt() {
    return finishedAt;
  }

  public String getLeaseOwner() {
    return leaseOwner;
  }

  public Instant getLeaseUntil() {
    return leaseUntil;
  }

  public long getVersion() {
    return version;
  }
}
