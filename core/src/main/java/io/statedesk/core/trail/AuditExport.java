package io.statedesk.core.trail;

import io.statedesk.core.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The audit trail as CSV, streamed batch by batch (an export of millions of rows never sits in
 * memory), UTF-8 with a byte-order mark so that spreadsheet programs read the Chinese and accented
 * names right. Same filter and scope as the page; the trail holds no Guid, password or token.
 */
@ApplicationScoped
public class AuditExport {

  static final String[] HEADER = {
    "at_utc", "actor", "action", "subject", "agent", "change", "detail", "source_ip"
  };

  @Inject AuditTrail trail;

  /** Writes the events of {@code filter} the caller may see, newest first, to {@code out}. */
  public void csv(AuditFilter filter, OutputStream out) {
    try {
      Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
      writer.write('\uFEFF');
      CSVPrinter csv = CSVFormat.DEFAULT.builder().setHeader(HEADER).build().print(writer);
      trail.each(
          filter,
          e -> {
            try {
              csv.printRecord(
                  e.at(),
                  safe(e.actor()),
                  e.action(),
                  safe(e.subject()),
                  e.agentId(),
                  e.changeId(),
                  safe(e.detail()),
                  e.sourceIp());
            } catch (IOException x) {
              throw new UncheckedIOException(x);
            }
          });
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String safe(String text) {
    return AuditLog.spreadsheetSafe(text);
  }
}
