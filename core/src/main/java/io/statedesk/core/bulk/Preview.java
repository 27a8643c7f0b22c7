package io.statedesk.core.bulk;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * What a change would do, before it runs.
 *
 * @param rows one per requested agent, in id order
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
      String availability,
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

  /** Every requested agent. */
  public int total() {
    return rows.size();
  }

  public int count(Verdict verdict) {
    return totals.get(verdict);
  }
}
