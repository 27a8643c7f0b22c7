package io.statedesk.web.api;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.time.Duration;
import java.time.Instant;

/**
 * What the body of {@code POST /api/schedules} adds to a change's ({@link ChangeBody}, read from
 * the same object): when to start, and optionally when to revert.
 *
 * @param startAt an ISO-8601 instant (seconds precision), required
 * @param revertAt an ISO-8601 instant, or left out
 * @param revertAfterSeconds a revert after this many seconds, or left out
 */
public record ScheduleBody(
    @NotNull(message = "is required") String startAt,
    String revertAt,
    @Positive(message = "must be positive, was ${validatedValue}") Integer revertAfterSeconds) {

  /** {@link #startAt} read, or a 400 naming it. */
  Instant start() {
    return ApiParams.instant(startAt, "startAt");
  }

  /** {@link #revertAt} read, null when left out, or a 400 naming it. */
  Instant revert() {
    return ApiParams.instant(revertAt, "revertAt");
  }

  /** {@link #revertAfterSeconds} as a duration, or null. */
  Duration revertAfter() {
    return revertAfterSeconds == null ? null : Duration.ofSeconds(revertAfterSeconds);
  }
}
