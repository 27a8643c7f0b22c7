package io.statedesk.core.bulk;

import java.time.Instant;

/**
 * Filters of the change history; every part optional.
 *
 * @param from changes made at or after this instant
 * @param to changes made before this instant
 * @param createdBy made by this user (exact user name)
 * @param code that set this code
 * @param team that touched an agent of this team
 */
public record HistoryFilter(Instant from, Instant to, String createdBy, Integer code, String team) {

  public static HistoryFilter none() {
    return new HistoryFilter(null, null, null, null, null);
  }
}
