package io.statedesk.web.view.changes;

import jakarta.enterprise.context.SessionScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * The user's time zone, as their browser reports it (a hidden field on the pages that take or show
 * scheduled times); the server's zone until it has. Schedules are stored in UTC and entered and
 * shown in this zone.
 */
@Named("userZone")
@SessionScoped
public class UserZone implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  private ZoneId zone = ZoneId.systemDefault();

  public String getId() {
    return zone.getId();
  }

  /** Takes the browser's IANA zone id; anything else keeps the current zone. */
  public void setId(String id) {
    if (id == null || id.isBlank()) {
      return;
    }
    try {
      zone = ZoneId.of(id.strip());
    } catch (DateTimeException e) {
      // not a zone id: keep the one we have
    }
  }

  public ZoneId zone() {
    return zone;
  }

  /** A local date and time entered by the user, as an instant; {@code null} stays null. */
  public Instant instant(LocalDateTime local) {
    return local == null ? null : local.atZone(zone).toInstant();
  }

  /** An instant as the user's local date and time, for a date picker. */
  public LocalDateTime local(Instant at) {
    return at == null ? null : LocalDateTime.ofInstant(at, zone);
  }

  /** An instant as text in the user's zone ("" for none). */
  public String show(Instant at) {
    return at == null ? "" : SHOWN.format(at.atZone(zone));
  }
}
