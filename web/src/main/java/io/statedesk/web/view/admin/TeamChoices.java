package io.statedesk.web.view.admin;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.TreeSet;

/**
 * The teams fields of the users and catalog dialogs: chosen from the directory's teams (and those
 * already given, so an assignment whose team has left the directory can still be removed), never
 * typed. The beans keep the choice as the comma-separated text they held before.
 */
final class TeamChoices {

  private TeamChoices() {}

  static List<String> split(String text) {
    List<String> teams = new ArrayList<>();
    if (text != null) {
      Arrays.stream(text.split(","))
          .map(String::strip)
          .filter(t -> !t.isEmpty())
          .forEach(teams::add);
    }
    return teams;
  }

  static String join(List<String> teams) {
    return teams == null || teams.isEmpty() ? null : String.join(", ", teams);
  }

  /** The directory's teams and the ones given already, sorted. */
  static List<String> choices(Collection<String> known, String given) {
    TreeSet<String> all = new TreeSet<>(known);
    all.addAll(split(given));
    return new ArrayList<>(all);
  }
}
