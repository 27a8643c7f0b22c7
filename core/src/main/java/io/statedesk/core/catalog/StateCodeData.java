package io.statedesk.core.catalog;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What an admin (page, API or import row) says a state code should be. Not yet validated: see
 * {@link StateCodeRules}.
 *
 * @param code 0..65534, fixed once created
 * @param label the default label, 1..40 characters
 * @param description up to 500 characters, or {@code null}
 * @param colour {@code #rrggbb}
 * @param category free text up to 60 characters, or {@code null}
 * @param sortOrder position in lists (smaller first)
 * @param active whether supervisors can choose it
 * @param labels labels per locale ({@code en}, {@code zh-CN}), each 1..40 characters
 * @param teams the teams it is offered to; empty means all teams
 */
public record StateCodeData(
    int code,
    String label,
    String description,
    String colour,
    String category,
    int sortOrder,
    boolean active,
    Map<String, String> labels,
    Set<String> teams) {

  public StateCodeData {
    labels = labels == null ? Map.of() : new TreeMap<>(labels);
    teams = teams == null ? Set.of() : new TreeSet<>(teams);
  }
}
