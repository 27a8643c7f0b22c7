package io.statedesk.core.bulk;

import io.statedesk.core.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A change's outcomes as export rows, read a page of {@value #PAGE} at a time: a 50,000-agent
 * change is never held in memory whole (issue 20), whether as entities or as text. No Guid is ever
 * stored, so none is exported.
 */
@ApplicationScoped
class ChangeExport {

  /** Rows read from the database at a time. */
  static final int PAGE = 1000;

  /** The raw columns, in order: scripts read them by these names. */
  static final List<String> HEADER =
      List.of(
          "change",
          "agent",
          "name",
          "team",
          "target",
          "previous",
          "outcome",
          "verified",
          "retcode",
          "reason",
          "attempts",
          "duration_ms",
          "finished_at",
          "reapplied",
          "drifted");

  @Inject ChangeQueries queries;

  /**
   * Hands each row to {@code row}, a page at a time, in agent order.
   *
   * @param scope the teams whose agents the caller may see, or {@code null} for all
   */
  void rows(long id, Set<String> scope, Consumer<List<String>> row, Runnable afterPage) {
    long n = queries.countOutcomes(id, null, scope);
    for (int first = 0; first < n; first += PAGE) {
      for (BulkOutcome o : queries.outcomes(id, null, scope, first, PAGE)) {
        row.accept(row(id, o));
      }
      afterPage.run();
    }
  }

  static List<String> row(long id, BulkOutcome o) {
    List<String> r = new ArrayList<>(HEADER.size());
    r.add(Long.toString(id));
    r.add(Integer.toString(o.getAgentId()));
    r.add(safe(o.getAgentName()));
    r.add(safe(o.getTeam()));
    r.add(o.getTargetState() == null ? "clear" : o.getTargetState().toString());
    r.add(
        o.isPreviousKnown()
            ? (o.getPreviousState() == null ? "none" : o.getPreviousState().toString())
            : "unknown");
    r.add(o.getStatus().name());
    r.add(Boolean.toString(o.isVerified()));
    r.add(safe(o.getRetcode()));
    r.add(safe(o.getReason()));
    r.add(Integer.toString(o.getAttempts()));
    r.add(text(o.getDurationMs()));
    r.add(text(o.getFinishedAt()));
    r.add(Integer.toString(o.getReapplied()));
    r.add(Boolean.toString(o.isDrifted()));
    return r;
  }

  private static String text(Object value) {
    return value == null ? "" : value.toString();
  }

  static String safe(String text) {
    return text == null ? "" : AuditLog.spreadsheetSafe(text);
  }
}
