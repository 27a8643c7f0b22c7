package io.statedesk.core.bulk;

import java.time.Instant;

/**
 * A bulk change as its pages and API show it: the change and its counts, read together so that the
 * headline and the counts of one rendering agree.
 *
 * @param undoneBy the newest undo made of this change, or {@code null}
 */
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
    Counts counts,
    Long undoneBy) {

  static ChangeView of(BulkChange c, Counts counts, Long undoneBy) {
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
        counts,
        undoneBy);
  }

  /** The badge: the status, with "completed with problems" when some agents did not change. */
  public ChangeHeadline headline() {
    return ChangeHeadline.of(status, counts);
  }

  /** Whether an undo of this change exists: then it is not offered again. */
  public boolean undone() {
    return undoneBy != null;
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
