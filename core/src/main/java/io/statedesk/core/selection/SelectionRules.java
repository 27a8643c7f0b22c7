package io.statedesk.core.selection;

import io.statedesk.core.problem.Text;
import io.statedesk.core.selection.SelectionExceptions.InvalidSelectionException;
import java.util.Collection;
import java.util.Locale;
import java.util.Set;

/**
 * The rules of saved selections that need no database, in one place so that the service, the pages
 * and the API refuse the same things with the same words, and so that the rules are unit-tested
 * without a server: a valid name, who sees a selection, who may change it, and which team it may be
 * shared with.
 */
final class SelectionRules {

  /** The longest name (the column holds 80). */
  static final int MAX_NAME = 80;

  /** The most agents a fixed selection holds (a large floor, far below the column's size). */
  static final int MAX_AGENTS = 50_000;

  /** The most selections one user keeps: a list longer than this is no longer a shortcut. */
  static final int MAX_PER_OWNER = 200;

  private SelectionRules() {}

  /**
   * The name as stored: stripped; 1 to {@value #MAX_NAME} characters, no line breaks or other
   * control characters (a name is shown in menus, the audit trail and logs).
   */
  static String name(String raw) {
    String name = raw == null ? "" : raw.strip();
    if (name.isEmpty()) {
      throw new InvalidSelectionException("name", Text.of("selection.name.empty"));
    }
    if (name.length() > MAX_NAME) {
      throw new InvalidSelectionException(
          "name", Text.of("selection.name.long", MAX_NAME, name.length()));
    }
    if (name.chars().anyMatch(Character::isISOControl)) {
      throw new InvalidSelectionException("name", Text.of("selection.name.control"));
    }
    return name;
  }

  /** The key that makes names unique per owner: "Monday meeting" and "monday meeting" clash. */
  static String nameKey(String name) {
    return name.strip().toLowerCase(Locale.ROOT);
  }

  /**
   * Whether a user sees (and may use) a selection: their own, one shared with one of their teams,
   * or any for an admin.
   */
  static boolean visible(
      String owner, String sharedTeam, String user, Set<String> userTeams, boolean admin) {
    return admin || owner.equals(user) || (sharedTeam != null && userTeams.contains(sharedTeam));
  }

  /** Whether a user may rename, re-share or delete a selection: its owner or an admin. */
  static boolean editable(String owner, String user, boolean admin) {
    return admin || owner.equals(user);
  }

  /**
   * The team to share with, or {@code null} (private) for a blank one.
   *
   * @param allowed the teams the user may share with: a supervisor's own; for an admin, the
   *     directory's
   */
  static String sharedTeam(String requested, Collection<String> allowed) {
    if (requested == null || requested.isBlank()) {
      return null;
    }
    String team = requested.strip();
    if (!allowed.contains(team)) {
      throw new InvalidSelectionException(
          "team", Text.of("selection.team.notYours", String.join(", ", allowed), team));
    }
    return team;
  }

  /** Refuses an empty or oversized set of fixed agents. */
  static void agents(Collection<Integer> agents) {
    if (agents == null || agents.isEmpty()) {
      throw new InvalidSelectionException("agents", Text.of("selection.agents.none"));
    }
    if (agents.size() > MAX_AGENTS) {
      throw new InvalidSelectionException(
          "agents", Text.of("selection.agents.tooMany", MAX_AGENTS, agents.size()));
    }
  }
}
