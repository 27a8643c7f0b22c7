package io.statedesk.web.api;

import jakarta.validation.constraints.NotNull;
import java.time.Instant;

/**
 * The body of {@code PUT /api/schedules/{id}}, editing a schedule that has not started. A {@code
 * code} left out keeps the schedule's code, while {@code "code": null} clears the state instead: a
 * record cannot tell the two apart, so the resource asks the JSON object.
 *
 * @param code the state code to set
 * @param startAt an ISO-8601 instant, required
 * @param revertAt an ISO-8601 instant, or left out (no revert)
 */
public record ScheduleEditBody(
    Integer code, @NotNull(message = "is required") String startAt, String revertAt) {

  /** {@link #startAt} read, or a 400 naming it. */
  Instant start() {
    return ApiParams.instant(startAt, "startAt");
  }

  /** {@link #revertAt} read, null when left out, or a 400 naming it. */
  Instant revert() {
    return ApiParams.instant(revertAt, "revertAt");
  }
}
