package io.statedesk.core.catalog;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** Codes that may not be created, with the reason (e.g. "mirrors busy reasons 200..250"). */
@Entity
@Table(name = "reserved_range")
public class ReservedRange {

  @Id
  @SequenceGenerator(
      name = "reserved_range_seq",
      sequenceName = "reserved_range_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "reserved_range_seq")
  private Long id;

  @Column(name = "first_code", nullable = false)
  private int firstCode;

  @Column(name = "last_code", nullable = false)
  private int lastCode;

  @Column(nullable = false, length = 200)
  private String reason;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, length = 64)
  private String createdBy;

  protected ReservedRange() {}

  ReservedRange(int firstCode, int lastCode, String reason, String by, Instant now) {
    this.firstCode = firstCode;
    this.lastCode = lastCode;
    this.reason = reason;
    this.createdBy = by;
    this.createdAt = now;
  }

  public boolean contains(int code) {
    return code >= firstCode && code <= lastCode;
  }

  public Long getId() {
    return id;
  }

  public int getFirstCode() {
    return firstCode;
  }

  public int getLastCode() {
    return lastCode;
  }

  public String getReason() {
    return reason;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public String getCreatedBy() {
    return createdBy;
  }
}
