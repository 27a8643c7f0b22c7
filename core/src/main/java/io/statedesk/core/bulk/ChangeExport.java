package io.statedesk.core.bulk;

import io.statedesk.core.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A change's outcomes as CSV (UTF-8, header row); no Guid is ever stored, so none is exported. */
@ApplicationScoped
class ChangeExport {

  @Inject ChangeQueries queries;

  byte[] csv(long id, Set<String> scope) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv =
        CSVFormat.DEFAULT
            .builder()
            .setHeader(
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
                "drifted")
            .build()
            .print(out)) {
      long n = queries.countOutcomes(id, null, scope);
      for (int first = 0; first < n; first += 1000) {
        for (BulkOutcome o : queries.outcomes(id, null, scope, first, 1000)) {
          csv.printRecord(
              id,
              o.getAgentId(),
              safe(o.getAgentName()),
              safe(o.getTeam()),
              o.getTargetState() == null ? "clear" : o.getTargetState(),
              o.isPreviousKnown()
                  ? (o.getPreviousState() == null ? "none" : o.getPreviousState())
                  : "unknown",
              o.getStatus(),
              o.isVerified(),
              o.getRetcode(),
              safe(o.getReason()),
              o.getAttempts(),
              o.getDurationMs(),
              o.getFinishedAt(),
              o.getReapplied(),
              o.isDrifted());
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString().getBytes(StandardCharsets.UTF_8);
  }

  static String safe(String text) {
    return AuditLog.spreadsheetSafe(text);
  }
}
