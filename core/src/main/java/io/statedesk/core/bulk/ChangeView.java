package io.statedesk.core.bulk;

import java.time.Instant;

/** A bulk change as its pages and API show it: the change and its counts. */
public record ChangeView(
    long id,
    Instant createdAt,
    String createdBy,
    ChangeKind kind,
    Long originId,
    ChangeAction action,
    Integer code,
    String codeLabel,
    String codeColour,
    String note,
    boolean verify,
    ChangeStatus status,
    String statusDetail,
    boolean cancelRequested,
    int total,
    Instant startedAt,
    Instant finishedAt,
    Counts counts) {

  static ChangeView of(BulkChange c, Counts counts) {
    return new ChangeView(
        c.getId(),
        c.getCreatedAt(),
        c.getCreatedBy(),
        c.getKind(),
        c.getOriginId(),
        c.getAction(),
        c.getCode(),
        c.getCodeLabel(),
        c.getCodeColour(),
        c.getNote(),
        c.isVerify(),
        c.getStatus(),
        c.getStatusDetail(),
        c.isCancelRequested(),
        c.getTotal(),
        c.getStartedAt(),
        c.getFinishedAt(),
        counts);
  }

  public boolean finished() {
    return status.isFinished();
  }

  /** Milliseconds from start to finish (or to now while running), 0 before it started. */
  public long elapsedMs() {
    if (startedAt == null) {
      return 0;
    }
    Instant end = finishedAt == null ? Instant.now() : finishedAt;
    return Math.max(0, end.toEpochMilli() - startedAt.toEpochMilli());
  }
}
