package io.statedesk.core.schedule;

import java.time.Instant;

/** A scheduled change as its page and the API show it (times in UTC; pages convert). */
public record ScheduleView(
    long id,
    Instant createdAt,
    String createdBy,
    int agents,
    Integer code,
    String note,
    Instant startAt,
    Instant revertAt,
    ScheduleStatus status,
    String statusDetail,
    Long changeId,
    Long revertChangeId) {

  static ScheduleView of(ScheduledChange s) {
    return new ScheduleView(
        s.getId(),
        s.getCreatedAt(),
        s.getCreatedBy(),
        s.getAgents().size(),
        s.getCode(),
        s.getNote(),
        s.getStartAt(),
        s.getRevertAt(),
        s.getStatus(),
        s.getStatusDetail(),
        s.getChangeId(),
        s.getRevertChangeId());
  }

  /** Editable and cancellable: it has not started. */
  public boolean editable() {
    return status == ScheduleStatus.SCHEDULED;
  }
}
