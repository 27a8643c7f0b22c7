package io.statedesk.web.api;

import io.statedesk.core.bulk.BulkOutcome;
import io.statedesk.core.bulk.ChangeAction;
import io.statedesk.core.bulk.ChangeHeadline;
import io.statedesk.core.bulk.ChangeKind;
import io.statedesk.core.bulk.ChangeStatus;
import io.statedesk.core.bulk.ChangeView;
import io.statedesk.core.bulk.OutcomeStatus;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.bind.annotation.JsonbPropertyOrder;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answers of the change endpoints, as records JSON-B writes: a change, one agent's outcome, and
 * their pages (a preview's are {@link PreviewJson}). Each fixes its members' order ({@link
 * JsonbPropertyOrder}: JSON-B's own is alphabetical) and writes its nulls ({@link JsonbNillable}:
 * JSON-B's default leaves them out), as the API always answered: clients and the user guide read
 * them so.
 */
public final class ChangeJson {

  private ChangeJson() {}

  /**
   * A change. {@code teamScoped} is given (true) only when the counts are those of the caller's
   * teams (a supervisor looking at another's change); {@code verified} is then null.
   */
  @JsonbNillable
  @JsonbPropertyOrder({
    "id",
    "createdAt",
    "createdBy",
    "kind",
    "originId",
    "undoneBy",
    "action",
    "code",
    "codeLabel",
    "note",
    "verify",
    "status",
    "headline",
    "statusDetail",
    "cancelRequested",
    "total",
    "startedAt",
    "finishedAt",
    "counts",
    "teamScoped"
  })
  public record Change(
      long id,
      Instant createdAt,
      String createdBy,
      @Schema(type = SchemaType.STRING) ChangeKind kind,
      Long originId,
      Long undoneBy,
      @Schema(type = SchemaType.STRING) ChangeAction action,
      Integer code,
      String codeLabel,
      String note,
      boolean verify,
      @Schema(type = SchemaType.STRING) ChangeStatus status,
      @Schema(type = SchemaType.STRING) ChangeHeadline headline,
      String statusDetail,
      boolean cancelRequested,
      long total,
      Instant startedAt,
      Instant finishedAt,
      Counts counts,
      @JsonbNillable(false) Boolean teamScoped) {

    /** A change with all its counts. */
    static Change of(ChangeView c) {
      return of(c, c.total(), AllCounts.of(c), null);
    }

    /**
     * A change with the counts of the caller's teams only ({@code counted} gives the number of
     * outcomes of each status).
     */
    static Change teamScoped(ChangeView c, Map<OutcomeStatus, Long> counted) {
      TeamCounts counts = TeamCounts.of(counted);
      return of(c, counts.total(), counts, true);
    }

    private static Change of(ChangeView c, long total, Counts counts, Boolean teamScoped) {
      return new Change(
          c.id(),
          c.createdAt(),
          c.createdBy(),
          c.kind(),
          c.originId(),
          c.undoneBy(),
          c.action(),
          c.code(),
          c.codeLabel(),
          c.note(),
          c.verify(),
          c.status(),
          c.headline(),
          c.statusDetail(),
          c.cancelRequested(),
          total,
          c.startedAt(),
          c.finishedAt(),
          counts,
          teamScoped);
    }
  }

  /** A change's counts: all of them, or those of the caller's teams. */
  public sealed interface Counts permits AllCounts, TeamCounts {}

  /** Every count of a change ({@code pending} holds the calls under way too). */
  @JsonbPropertyOrder({
    "pending",
    "succeeded",
    "verified",
    "failed",
    "noSession",
    "skipped",
    "cancelled",
    "held",
    "reapplied",
    "drifted"
  })
  public record AllCounts(
      long pending,
      long succeeded,
      long verified,
      long failed,
      long noSession,
      long skipped,
      long cancelled,
      long held,
      long reapplied,
      long drifted)
      implements Counts {

    /** A change's counts; core's type is not named here: this class has a {@code Counts} too. */
    static AllCounts of(ChangeView c) {
      var n = c.counts();
      return new AllCounts(
          n.pending() + n.inFlight(),
          n.succeeded(),
          n.verified(),
          n.failed(),
          n.noSession(),
          n.skipped(),
          n.cancelled(),
          n.held(),
          n.reapplied(),
          n.drifted());
    }
  }

  /**
   * The counts of the caller's teams' agents: by status only, {@code verified} not given (null),
   * and no held, reapplied or drifted.
   */
  @JsonbNillable
  @JsonbPropertyOrder({
    "pending",
    "succeeded",
    "failed",
    "noSession",
    "skipped",
    "cancelled",
    "verified"
  })
  public record TeamCounts(
      long pending,
      long succeeded,
      long failed,
      long noSession,
      long skipped,
      long cancelled,
      Long verified)
      implements Counts {

    static TeamCounts of(Map<OutcomeStatus, Long> counted) {
      return new TeamCounts(
          counted.get(OutcomeStatus.PENDING) + counted.get(OutcomeStatus.IN_FLIGHT),
          counted.get(OutcomeStatus.SUCCEEDED),
          counted.get(OutcomeStatus.FAILED),
          counted.get(OutcomeStatus.NO_SESSION),
          counted.get(OutcomeStatus.SKIPPED),
          counted.get(OutcomeStatus.CANCELLED),
          null);
    }

    long total() {
      return pending + succeeded + failed + noSession + skipped + cancelled;
    }
  }

  /** One agent's outcome of a change. */
  @JsonbNillable
  @JsonbPropertyOrder({
    "agentId",
    "name",
    "team",
    "target",
    "previous",
    "previousKnown",
    "status",
    "verified",
    "retcode",
    "reason",
    "attempts",
    "durationMs",
    "finishedAt",
    "reapplied",
    "drifted"
  })
  public record Outcome(
      int agentId,
      String name,
      String team,
      Integer target,
      Integer previous,
      boolean previousKnown,
      @Schema(type = SchemaType.STRING) OutcomeStatus status,
      boolean verified,
      String retcode,
      String reason,
      int attempts,
      Long durationMs,
      Instant finishedAt,
      int reapplied,
      boolean drifted) {

    static Outcome of(BulkOutcome o) {
      return new Outcome(
          o.getAgentId(),
          o.getAgentName(),
          o.getTeam(),
          o.getTargetState(),
          o.isPreviousKnown() ? o.getPreviousState() : null,
          o.isPreviousKnown(),
          o.getStatus(),
          o.isVerified(),
          o.getRetcode(),
          o.getReason(),
          o.getAttempts(),
          o.getDurationMs(),
          o.getFinishedAt(),
          o.getReapplied(),
          o.isDrifted());
    }
  }

  /** A page of changes ({@code GET /api/changes}). */
  @JsonbPropertyOrder({"total", "first", "changes"})
  public record ChangePage(long total, int first, List<Change> changes) {}

  /** A page of a change's outcomes ({@code GET /api/changes/{id}/outcomes}). */
  @JsonbPropertyOrder({"total", "first", "outcomes"})
  public record OutcomePage(long total, int first, List<Outcome> outcomes) {}
}
