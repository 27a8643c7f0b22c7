package io.statedesk.core.bulk;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The export of one change's outcomes, for a caller already checked ({@link
 * BulkChanges#export(long)}): made before anything is written, so that a change the caller may not
 * see is refused with a status, not with a half-written file. The rows are then read and written a
 * page at a time and flushed after each page, so a 50,000-agent change reaches the client as it is
 * read and never sits in memory whole (issue 20).
 */
public final class OutcomeExport {

  private final long change;
  private final Set<String> scope;
  private final ChangeExport rows;

  OutcomeExport(long change, Set<String> scope, ChangeExport rows) {
    this.change = change;
    this.scope = scope;
    this.rows = rows;
  }

  public long change() {
    return change;
  }

  /** The raw columns' names, in the order of every row's values. */
  public List<String> header() {
    return ChangeExport.HEADER;
  }

  /**
   * Hands every row to {@code row} in agent order; {@code afterPage} runs after each page read (a
   * writer flushes there).
   */
  public void forEachRow(Consumer<List<String>> row, Runnable afterPage) {
    rows.rows(change, scope, row, afterPage);
  }

  /** The raw CSV: UTF-8, a header row, the rows; flushed page by page. */
  public void writeCsv(OutputStream out) throws IOException {
    Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
    CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
    csv.printRecord(header());
    try {
      forEachRow(r -> print(csv, r), () -> flush(csv));
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    csv.flush();
  }

  /** Prints a record; the callback form cannot throw {@link IOException}. */
  public static void print(CSVPrinter csv, Iterable<String> values) {
    try {
      csv.printRecord(values);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Flushes after a page; the callback form cannot throw {@link IOException}. */
  public static void flush(CSVPrinter csv) {
    try {
      csv.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
