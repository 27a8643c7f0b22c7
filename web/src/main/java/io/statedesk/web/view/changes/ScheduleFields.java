package io.statedesk.web.view.changes;

import io.statedesk.core.bulk.BulkExceptions.InvalidChangeException;
import io.statedesk.core.bulk.ChangeRequest;
import io.statedesk.core.problem.Text;
import io.statedesk.core.schedule.Schedules;
import java.io.Serializable;
import java.time.Duration;
import java.time.LocalDateTime;

/**
 * The "when" part of the Set-state dialog: now, or from a time, optionally reverting at a time or
 * after some minutes (back to what each agent had). Times are in the user's zone.
 */
public class ScheduleFields implements Serializable {

  private static final long serialVersionUID = 1L;

  /** How the change ends. */
  public enum Revert {
    NEVER,
    AT,
    AFTER
  }

  private boolean later;
  private LocalDateTime startAt;
  private Revert revert = Revert.NEVER;
  private LocalDateTime revertAt;
  private Integer revertMinutes;

  /** The schedule request for {@code change}, with times converted from the user's zone. */
  Schedules.ScheduleRequest request(ChangeRequest change, UserZone zone) {
    if (startAt == null) {
      throw new InvalidChangeException("startAt", Text.of("schedule.start.required"));
    }
    return switch (revert) {
      case NEVER -> new Schedules.ScheduleRequest(change, zone.instant(startAt), null, null);
      case AT -> {
        if (revertAt == null) {
          throw new InvalidChangeException("revertAt", Text.of("schedule.revert.required"));
        }
        yield new Schedules.ScheduleRequest(
            change, zone.instant(startAt), zone.instant(revertAt), null);
      }
      case AFTER -> {
        if (revertMinutes == null || revertMinutes < 1) {
          throw new InvalidChangeException("revertAfter", Text.of("schedule.revert.required"));
        }
        yield new Schedules.ScheduleRequest(
            change, zone.instant(startAt), null, Duration.ofMinutes(revertMinutes));
      }
    };
  }

  public boolean isLater() {
    return later;
  }

  public void setLater(boolean later) {
    this.later = later;
  }

  public LocalDateTime getStartAt() {
    return startAt;
  }

  public void setStartAt(LocalDateTime startAt) {
    this.startAt = startAt;
  }

  public Revert getRevert() {
    return revert;
  }

  public void setRevert(Revert revert) {
    this.revert = revert == null ? Revert.NEVER : revert;
  }

  public Revert[] getRevertChoices() {
    return Revert.values();
  }

  public LocalDateTime getRevertAt() {
    return revertAt;
  }

  public void setRevertAt(LocalDateTime revertAt) {
    this.revertAt = revertAt;
  }

  public Integer getRevertMinutes() {
    return revertMinutes;
  }

  public void setRevertMinutes(Integer revertMinutes) {
    this.revertMinutes = revertMinutes;
  }
}
