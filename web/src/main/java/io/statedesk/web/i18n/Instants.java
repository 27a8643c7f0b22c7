package io.statedesk.web.i18n;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** How the console pages show an instant: local date and time of the server's zone. */
public final class Instants {

  private static final DateTimeFormatter LOCAL =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneId.systemDefault());

  private Instants() {}

  public static String local(Instant at) {
    return at == null ? "" : LOCAL.format(at);
  }
}
