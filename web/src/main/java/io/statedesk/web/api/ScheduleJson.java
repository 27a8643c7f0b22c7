package io.statedesk.web.api;

import io.statedesk.core.schedule.ScheduleStatus;
import io.statedesk.core.schedule.ScheduleView;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answers of the schedule endpoints, as records JSON-B writes, in a fixed order and with their
 * nulls ({@link ChangeJson} says why).
 */
public final class ScheduleJson {

  private ScheduleJson() {}

  /**
   * A scheduled change: {@code agents} is how many, {@code clear} whether it clears the state
   * ({@code code} null), {@code changeId} and {@code revertChangeId} the changes it made.
   */
  @JsonbNillable
  @JsonbPropertyOrder({
    "id",
    "createdAt",
    "createdBy",
    "agents",
    "code",
    "clear",
    "note",
    "startAt",
    "revertAt",
    "status",
    "statusDetail",
    "changeId",
    "revertChangeId",
    "editable"
  })
  public record Schedule(
      long id,
      Instant createdAt,
      String createdBy,
      int agents,
      Integer code,
      boolean clear,
      String note,
      Instant startAt,
      Instant revertAt,
      @Schema(type = SchemaType.STRING) ScheduleStatus status,
      String statusDetail,
      Long changeId,
      Long revertChangeId,
      boolean editable) {

    static Schedule of(ScheduleView s) {
      return new Schedule(
          s.id(),
          s.createdAt(),
          s.createdBy(),
          s.agents(),
          s.code(),
          s.code() == null,
          s.note(),
          s.startAt(),
          s.revertAt(),
          s.status(),
          s.statusDetail(),
          s.changeId(),
          s.revertChangeId(),
          s.editable());
    }
  }

  /** {@code GET /api/schedules}. */
  public record ScheduleList(List<Schedule> schedules) {}
}
