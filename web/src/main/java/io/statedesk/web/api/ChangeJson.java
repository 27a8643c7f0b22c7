package io.statedesk.web.api;

import io.statedesk.core.bulk.BulkOutcome;
import io.statedesk.core.bulk.ChangeView;
import io.statedesk.core.bulk.Counts;
import io.statedesk.core.bulk.OutcomeStatus;
import io.statedesk.core.bulk.Preview;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answers of the change endpoints: a change, one agent's outcome, a preview. Maps in a fixed
 * order (with nulls kept) rather than JSON-B objects, so that the field order and the nulls of the
 * answers stay what clients and the user guide already read.
 */
final class ChangeJson {

  private ChangeJson() {}

  static Map<String, Object> describe(ChangeView c) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", c.id());
    m.put("createdAt", c.createdAt().toString());
    m.put("createdBy", c.createdBy());
    m.put("kind", c.kind().name());
    m.put("originId", c.originId());
    m.put("undoneBy", c.undoneBy());
    m.put("action", c.action().name());
    m.put("code", c.code());
    m.put("codeLabel", c.codeLabel());
    m.put("note", c.note());
    m.put("verify", c.verify());
    m.put("status", c.status().name());
    m.put("headline", c.headline().name());
    m.put("statusDetail", c.statusDetail());
    m.put("cancelRequested", c.cancelRequested());
    m.put("total", c.total());
    m.put("startedAt", c.startedAt() == null ? null : c.startedAt().toString());
    m.put("finishedAt", c.finishedAt() == null ? null : c.finishedAt().toString());
    Counts n = c.counts();
    Map<String, Object> counts = new LinkedHashMap<>();
    counts.put("pending", n.pending() + n.inFlight());
    counts.put("succeeded", n.succeeded());
    counts.put("verified", n.verified());
    counts.put("failed", n.failed());
    counts.put("noSession", n.noSession());
    counts.put("skipped", n.skipped());
    counts.put("cancelled", n.cancelled());
    counts.put("held", n.held());
    counts.put("reapplied", n.reapplied());
    counts.put("drifted", n.drifted());
    m.put("counts", counts);
    return m;
  }

  /**
   * A change described with the counts of the caller's teams only ({@code counted} gives the number
   * of outcomes of one status): "verified" is then not given ({@code null}).
   */
  static Map<String, Object> teamScoped(ChangeView c, Map<OutcomeStatus, Long> counted) {
    Map<String, Object> m = describe(c);
    Map<String, Object> counts = new LinkedHashMap<>();
    long total = 0;
    for (OutcomeStatus s : OutcomeStatus.values()) {
      long n = counted.get(s);
      total += n;
      counts.merge(countName(s), n, (a, b) -> (long) a + (long) b);
    }
    counts.put("verified", null);
    m.put("total", total);
    m.put("counts", counts);
    m.put("teamScoped", true);
    return m;
  }

  /** The name of a status among the counts ("pending" holds the calls under way too). */
  static String countName(OutcomeStatus s) {
    return switch (s) {
      case PENDING, IN_FLIGHT -> "pending";
      case SUCCEEDED -> "succeeded";
      case FAILED -> "failed";
      case NO_SESSION -> "noSession";
      case SKIPPED -> "skipped";
      case CANCELLED -> "cancelled";
    };
  }

  static Map<String, Object> describe(BulkOutcome o) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("agentId", o.getAgentId());
    m.put("name", o.getAgentName());
    m.put("team", o.getTeam());
    m.put("target", o.getTargetState());
    m.put("previous", o.isPreviousKnown() ? o.getPreviousState() : null);
    m.put("previousKnown", o.isPreviousKnown());
    m.put("status", o.getStatus().name());
    m.put("verified", o.isVerified());
    m.put("retcode", o.getRetcode());
    m.put("reason", o.getReason());
    m.put("attempts", o.getAttempts());
    m.put("durationMs", o.getDurationMs());
    m.put("finishedAt", o.getFinishedAt() == null ? null : o.getFinishedAt().toString());
    m.put("reapplied", o.getReapplied());
    m.put("drifted", o.isDrifted());
    return m;
  }

  /** The most agents of a preview one answer lists ({@code max}'s limit and default). */
  static final int PREVIEW_PAGE = 1000;

  /**
   * A preview: every count, and the agents from {@code first}, {@code max} of them, in id order (a
   * 50,000-agent preview is read in pages, not answered as one 5 MB document).
   */
  static Map<String, Object> describe(Preview p, int first, int max) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("action", p.action().name());
    m.put("code", p.code());
    m.put("codeLabel", p.codeLabel());
    m.put("total", p.total());
    m.put("confirmationRequired", p.confirmationRequired());
    Map<String, Object> totals = new LinkedHashMap<>();
    p.totals().entrySet().stream()
        .sorted(Map.Entry.comparingByKey())
        .forEach(e -> totals.put(e.getKey().name(), e.getValue()));
    m.put("totals", totals);
    m.put("first", first);
    m.put("agents", p.rows().stream().skip(first).limit(max).map(ChangeJson::describe).toList());
    return m;
  }

  private static Map<String, Object> describe(Preview.Row r) {
    Map<String, Object> row = new LinkedHashMap<>();
    row.put("agentId", r.agentId());
    row.put("name", r.name());
    row.put("team", r.team());
    row.put("customState", r.customState());
    row.put("session", r.availability());
    row.put("verdict", r.verdict().name());
    row.put("note", r.note());
    return row;
  }
}
