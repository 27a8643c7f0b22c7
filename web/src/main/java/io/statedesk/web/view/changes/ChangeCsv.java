package io.statedesk.web.view.changes;

import io.statedesk.core.bulk.OutcomeExport;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A change's CSV export as a person opens it: a UTF-8 byte order mark (without it Excel on Windows
 * reads the file as the local code page and garbles Chinese names), and, after the raw columns, the
 * outcome and states as the page shows them and the finish time in the user's zone.
 *
 * <p>Why after, not instead: scripts read the raw columns (codes, upper-case outcomes, UTC
 * instants) by name; they keep working, and the added columns carry labels of their own.
 */
public final class ChangeCsv {

  /** The byte order mark of UTF-8. */
  static final String BOM = "\uFEFF";

  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

  /**
   * The labels of the added columns and how values read.
   *
   * @param outcome the outcome column's title
   * @param target the state-to-set column's title
   * @param previous the state-before column's title
   * @param finished the local finish time column's title (names the zone)
   * @param outcomeLabel an outcome ({@code SUCCEEDED}) as the page says it
   * @param stateLabel a state column's raw value (a code, {@code clear}, {@code none}, {@code
   *     unknown}) as the page says it
   */
  public record Labels(
      String outcome,
      String target,
      String previous,
      String finished,
      Function<String, String> outcomeLabel,
      Function<String, String> stateLabel) {}

  private ChangeCsv() {}

  /**
   * Writes the export for a person: the BOM, the raw columns and the added ones, a page of rows at
   * a time (flushed after each), so that a 50,000-agent change streams to the browser.
   */
  public static void write(OutcomeExport export, ZoneId zone, Labels labels, OutputStream out)
      throws IOException {
    write(export.header(), export::forEachRow, zone, labels, out);
  }

  /** The rows of an export: {@link OutcomeExport#forEachRow}. */
  @FunctionalInterface
  interface Rows {
    void forEachRow(Consumer<List<String>> row, Runnable afterPage);
  }

  static void write(List<String> raw, Rows rows, ZoneId zone, Labels labels, OutputStream out)
      throws IOException {
    int outcome = raw.indexOf("outcome");
    int target = raw.indexOf("target");
    int previous = raw.indexOf("previous");
    int finished = raw.indexOf("finished_at");
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    writer.write(BOM);
    CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
    List<String> header = new ArrayList<>(raw);
    header.addAll(List.of(labels.outcome(), labels.target(), labels.previous(), labels.finished()));
    csv.printRecord(header);
    try {
      rows.forEachRow(
          r -> {
            List<String> row = new ArrayList<>(r);
            row.add(labels.outcomeLabel().apply(r.get(outcome)));
            row.add(labels.stateLabel().apply(r.get(target)));
            row.add(labels.stateLabel().apply(r.get(previous)));
            row.add(local(r.get(finished), zone));
            OutcomeExport.print(csv, row);
          },
          () -> OutcomeExport.flush(csv));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    csv.flush();
  }

  /** An ISO instant in the zone, or "" when there is none (an agent not finished). */
  static String local(String instant, ZoneId zone) {
    if (instant == null || instant.isBlank()) {
      return "";
    }
    try {
      return LOCAL.format(Instant.parse(instant).atZone(zone));
    } catch (DateTimeParseException e) {
      return instant;
    }
  }
}
