package io.statedesk.web.view.changes;

import io.statedesk.core.bulk.BulkExceptions.ChangeNotFoundException;
import io.statedesk.core.bulk.BulkExceptions.ChangeStateException;
import io.statedesk.core.bulk.BulkExceptions.InvalidChangeException;
import io.statedesk.core.schedule.ScheduleView;
import io.statedesk.core.schedule.Schedules;
import io.statedesk.core.security.AccessDeniedException;
import io.statedesk.web.i18n.Texts;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

/**
 * The Schedule page: upcoming, running and reverting scheduled changes (and the recent ones), with
 * edit and cancel before the start. Times in the user's zone.
 */
@Named("schedule")
@ViewScoped
public class ScheduleBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient Schedules schedules;
  @Inject UserZone zone;

  private boolean openOnly = true;
  private transient List<ScheduleView> rows;
  private Long editing;
  private LocalDateTime startAt;
  private LocalDateTime revertAt;

  public List<ScheduleView> getRows() {
    if (rows == null) {
      rows = schedules.list(openOnly);
    }
    return rows;
  }

  /** Cancels a schedule that has not started (a second click finds it cancelled: fine). */
  public void cancel(long id) {
    try {
      schedules.cancel(id);
      Texts.addGlobalInfo("schedule.cancelled", id);
    } catch (ChangeStateException | ChangeNotFoundException | AccessDeniedException e) {
      Texts.addGlobalError("change.refused", Texts.say(e.text()));
    }
    rows = null;
  }

  public void edit(ScheduleView s) {
    editing = s.id();
    startAt = zone.local(s.startAt());
    revertAt = zone.local(s.revertAt());
  }

  public void save() {
    try {
      ScheduleView s = schedules.get(editing);
      schedules.edit(editing, s.code(), zone.instant(startAt), zone.instant(revertAt));
      Texts.addGlobalInfo("schedule.saved", editing);
      editing = null;
    } catch (ChangeStateException
        | ChangeNotFoundException
        | InvalidChangeException
        | AccessDeniedException e) {
      Texts.addGlobalError("change.refused", Texts.say(e.text()));
    }
    rows = null;
  }

  /** "upcoming", "running", "reverting", "done", ... for the status column. */
  public String phase(ScheduleView s) {
    return Texts.text("schedule.status." + s.status().name());
  }

  public String show(Instant at) {
    return zone.show(at);
  }

  public boolean isOpenOnly() {
    return openOnly;
  }

  public void setOpenOnly(boolean openOnly) {
    this.openOnly = openOnly;
    rows = null;
  }

  public Long getEditing() {
    return editing;
  }

  public LocalDateTime getStartAt() {
    return startAt;
  }

  public void setStartAt(LocalDateTime startAt) {
    this.startAt = startAt;
  }

  public LocalDateTime getRevertAt() {
    return revertAt;
  }

  public void setRevertAt(LocalDateTime revertAt) {
    this.revertAt = revertAt;
  }
}
