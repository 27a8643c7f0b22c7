package io.statedesk.core.bulk;

import io.statedesk.core.bulk.BulkExceptions.InvalidChangeException;
import io.statedesk.core.problem.Text;
import io.statedesk.core.session.Availability;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a change would do, before it runs.
 *
 * @param rows one per requested agent, in id order; none in a {@link #summary()}
 * @param totals how many agents have each verdict (every verdict present)
 * @param action set or clear
 * @param code the code to set, or {@code null}
 * @param codeLabel its label in the caller's locale-independent default, or {@code null}
 * @param confirmationRequired whether the user must type {@link #total()} to confirm
 */
public record Preview(
    List<Row> rows,
    Map<Verdict, Integer> totals,
    ChangeAction action,
    Integer code,
    String codeLabel,
    boolean confirmationRequired) {

  /**
   * One agent of the preview.
   *
   * @param note what happens to a desired state the agent has from another change (it resumes after
   *     this one ends or is undone), or {@code null}
   */
  public record Row(
      int agentId,
      String name,
      String team,
      Integer customState,
      Availability availability,
      Verdict verdict,
      String note) {}

  public Preview {
    rows = List.copyOf(rows);
    Map<Verdict, Integer> all = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      all.put(v, totals.getOrDefault(v, 0));
    }
    totals = Map.copyOf(all);
  }

  /** Every requested agent (counted by verdict: a summary has no rows). */
  public int total() {
    return totals.values().stream().mapToInt(Integer::intValue).sum();
  }

  /**
   * This preview without its rows, for a page that keeps the preview while the user decides: a
   * 50,000-agent preview is then a few numbers, and the page reads its rows a page at a time
   * ({@link BulkChanges#previewRows}).
   */
  public Preview summary() {
    return new Preview(List.of(), totals, action, code, codeLabel, confirmationRequired);
  }

  public int count(Verdict verdict) {
    return totals.get(verdict);
  }

  /** Agents that will be called and are expected to change. */
  public int changing() {
    return count(Verdict.WILL_CHANGE);
  }

  /** Agents that are already in the state: left as they are, not a problem. */
  public int unchanged() {
    return count(Verdict.ALREADY_IN_STATE);
  }

  /**
   * Agents this change cannot change now: no session, not the caller's, not a gateway agent, or
   * (undo) changed since or with nothing to restore.
   */
  public int cannot() {
    return total() - changing() - unchanged();
  }

  /**
   * Whether {@code typed} confirms this preview: the number of agents, with or without digit group
   * separators ("18,889", "18 889", "18.889", "18889"). Anything else, including a blank, does not.
   */
  public boolean confirmedBy(String typed) {
    if (typed == null) {
      return false;
    }
    String digits = typed.strip().replaceAll("[\\s,.'\u00a0\u202f_]", "");
    if (digits.isEmpty() || digits.length() > 9 || !digits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    return Integer.parseInt(digits) == total();
  }

  /**
   * Refuses this change (or schedule) when its code is limited to teams and some chosen agents are
   * of other teams: the code is not theirs to be given, whatever the caller may see.
   *
   * @throws InvalidChangeException naming up to ten such agents and their teams
   */
  public void requireOffered() {
    List<Preview.Row> not =
        rows().stream().filter(r -> r.verdict() == Verdict.CODE_NOT_OFFERED).toList();
    if (!not.isEmpty()) {
      StringBuilder agents = new StringBuilder();
      not.stream()
          .limit(10)
          .forEach(
              r ->
                  agents
                      .append(agents.length() == 0 ? "" : ", ")
                      .append(r.agentId())
                      .append(" (")
                      .append(r.team() == null ? "-" : r.team())
                      .append(')'));
      throw new InvalidChangeException(
          "agents",
          Text.of(
              "bulk.code.notOfferedToTeams",
              code(),
              codeLabel(),
              not.size(),
              agents + (not.size() > 10 ? ", ..." : "")));
    }
  }
}
