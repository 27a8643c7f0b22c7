package io.statedesk.web.api;

import io.statedesk.core.bulk.ChangeAction;
import io.statedesk.core.bulk.Preview;
import io.statedesk.core.bulk.Verdict;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer of a dry run ({@code POST /api/changes?dryRun=true}, and of a schedule's): every count
 * of the preview and one page of its agents, as records JSON-B writes, members in a fixed order and
 * nulls written, as {@link ChangeJson}'s.
 */
public final class PreviewJson {

  private PreviewJson() {}

  /** The most agents of a preview one answer lists ({@code max}'s limit and default). */
  static final int PREVIEW_PAGE = 1000;

  /**
   * A preview ({@code dryRun=true}): every count ({@code totals}, by verdict in the verdicts'
   * order), and the agents from {@code first}, at most {@code max} of them, in id order (a
   * 50,000-agent preview is read in pages, not answered as one 5 MB document).
   */
  @JsonbNillable
  @JsonbPropertyOrder({
    "action",
    "code",
    "codeLabel",
    "total",
    "confirmationRequired",
    "totals",
    "first",
    "agents"
  })
  public record PreviewPage(
      @Schema(type = SchemaType.STRING) ChangeAction action,
      Integer code,
      String codeLabel,
      int total,
      boolean confirmationRequired,
      Map<String, Integer> totals,
      int first,
      List<PreviewRow> agents) {

    static PreviewPage of(Preview p, int first, int max) {
      Map<String, Integer> totals = new LinkedHashMap<>();
      p.totals().entrySet().stream()
          .sorted(Map.Entry.comparingByKey())
          .forEach(e -> totals.put(e.getKey().name(), e.getValue()));
      return new PreviewPage(
          p.action(),
          p.code(),
          p.codeLabel(),
          p.total(),
          p.confirmationRequired(),
          totals,
          first,
          p.rows().stream().skip(first).limit(max).map(PreviewRow::of).toList());
    }
  }

  /** One agent of a preview: what the change would do to it ({@code verdict}) and why. */
  @JsonbNillable
  @JsonbPropertyOrder({"agentId", "name", "team", "customState", "session", "verdict", "note"})
  public record PreviewRow(
      int agentId,
      String name,
      String team,
      Integer customState,
      String session,
      @Schema(type = SchemaType.STRING) Verdict verdict,
      String note) {

    static PreviewRow of(Preview.Row r) {
      return new PreviewRow(
          r.agentId(),
          r.name(),
          r.team(),
          r.customState(),
          r.availability() == null ? null : r.availability().name(),
          r.verdict(),
          r.note());
    }
  }
}
