package io.statedesk.web.view.changes;

import io.statedesk.core.bulk.Counts;
import java.util.ArrayList;
import java.util.List;

/**
 * One count above a change's table.
 *
 * @param outcome the outcome filter it sets when clicked ("" = all), or {@code null} when it is not
 *     an outcome (holding, re-applied, drifted) and so filters nothing
 */
public record CountRow(
    String name, String outcome, long count, String labelKey, String styleClass) {

  public boolean filters() {
    return outcome != null;
  }

  /**
   * The counts to show: all, succeeded, pending while the change runs or any is left, and each
   * other one that is not zero.
   */
  static List<CountRow> of(Counts n, boolean finished) {
    List<CountRow> rows = new ArrayList<>();
    rows.add(new CountRow("all", "", n.total(), "change.counts.all", ""));
    long pending = n.pending() + n.inFlight();
    if (pending > 0 || !finished) {
      rows.add(new CountRow("pending", "PENDING", pending, "outcome.PENDING", ""));
    }
    rows.add(new CountRow("succeeded", "SUCCEEDED", n.succeeded(), "outcome.SUCCEEDED", "sd-ok"));
    addIfAny(rows, "failed", "FAILED", n.failed(), "outcome.FAILED", "sd-bad");
    addIfAny(rows, "noSession", "NO_SESSION", n.noSession(), "outcome.NO_SESSION", "sd-warn");
    addIfAny(rows, "skipped", "SKIPPED", n.skipped(), "outcome.SKIPPED", "");
    addIfAny(rows, "cancelled", "CANCELLED", n.cancelled(), "outcome.CANCELLED", "");
    addIfAny(rows, "held", null, n.held(), "change.held", "sd-ok");
    addIfAny(rows, "reapplied", null, n.reapplied(), "change.reapplied", "");
    addIfAny(rows, "drifted", null, n.drifted(), "change.drifted", "sd-bad");
    return rows;
  }

  private static void addIfAny(
      List<CountRow> rows, String name, String outcome, long n, String key, String style) {
    if (n > 0) {
      rows.add(new CountRow(name, outcome, n, key, style));
    }
  }
}
