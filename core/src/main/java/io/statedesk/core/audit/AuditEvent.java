package io.statedesk.core.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;

/** One audited action. Written once, never updated. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

  @Id
  @SequenceGenerator(
      name = "audit_event_seq",
      sequenceName = "audit_event_seq",
      allocationSize = 50)
  @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "audit_event_seq")
  private Long id;

  @Column(nullable = false)
  private Instant at;

  @Column(nullable = false, length = 100)
  private String actor;

  @Column(nullable = false, length = 60)
  private String action;

  @Column(nullable = false, length = 200)
  private String subject;

  @Column(length = 2000)
  private String detail;

  @Column(name = "source_ip", length = 64)
  private String sourceIp;

  /** The agent the event is about ("agent N"), for the agent filter and the team scope. */
  @Column(name = "agent_id")
  private Integer agentId;

  /** The bulk change the event is about ("change N"). */
  @Column(name = "change_id")
  private Long changeId;

  protected AuditEvent() {}

  AuditEvent(
      Instant at, String actor, String action, String subject, String detail, String sourceIp) {
    this.at = at;
    this.actor = actor;
    this.action = action;
    this.subject = subject;
    this.detail = detail;
    this.sourceIp = sourceIp;
    this.agentId = agentOf(subject);
    this.changeId = changeOf(subject);
  }

  /** The agent id of a subject "agent N", else {@code null}. */
  static Integer agentOf(String subject) {
    Long n = number(subject, "agent ", 6);
    return n == null ? null : n.intValue();
  }

  /** The change id of a subject "change N", else {@code null}. */
  static Long changeOf(String subject) {
    return number(subject, "change ", 18);
  }

  private static Long number(String subject, String prefix, int maxDigits) {
    if (subject == null || !subject.startsWith(prefix)) {
      return null;
    }
    String digits = subject.substring(prefix.length());
    if (digits.isEmpty()
        || digits.length() > maxDigits
        || !digits.chars().allMatch(Character::isDigit)) {
      return null;
    }
    return Long.valueOf(digits);
  }

  public Long getId() {
    return id;
  }

  public Instant getAt() {
    return at;
  }

  public String getActor() {
    return actor;
  }

  public String getAction() {
    return action;
  }

  public String getSubject() {
    return subject;
  }

  public String getDetail() {
    return detail;
  }

  public String getSourceIp() {
    return sourceIp;
  }

  public Integer getAgentId() {
    return agentId;
  }

  public Long getChangeId() {
    return changeId;
  }
}
