package io.statedesk.core.bulk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class OutcomeExportTest {

  /** 2,500 outcomes of change 7, served a page at a time; counts the pages read. */
  static final class Pages extends ChangeQueries {
    final List<BulkOutcome> all = new ArrayList<>();
    int read;
    Set<String> scopeAsked;

    Pages(int n) {
      IntStream.range(0, n)
          .forEach(
              i -> {
                BulkOutcome o =
                    new BulkOutcome(7, 10001 + i, "Agent " + i, "Billing", 5, null, i % 2 == 0);
                if (i == 0) {
                  o.skip(OutcomeStatus.NO_SESSION, "=cmd|' /C calc'!A0", Instant.EPOCH);
                }
                all.add(o);
              });
    }

    @Override
    public long countOutcomes(long id, Set<OutcomeStatus> statuses, Set<String> teams) {
      scopeAsked = teams;
      return all.size();
    }

    @Override
    public List<BulkOutcome> outcomes(
        long id, Set<OutcomeStatus> statuses, Set<String> teams, int first, int max) {
      read++;
      return all.subList(first, Math.min(all.size(), first + max));
    }
  }

  /** Remembers how many pages had been read when the first byte arrived. */
  static final class Watching extends ByteArrayOutputStream {
    final Pages pages;
    int pagesAtFirstByte = -1;

    Watching(Pages pages) {
      this.pages = pages;
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
      if (pagesAtFirstByte < 0 && len > 0) {
        pagesAtFirstByte = pages.read;
      }
      super.write(b, off, len);
    }
  }

  private static OutcomeExport export(Pages pages, Set<String> scope) {
    ChangeExport rows = new ChangeExport();
    rows.queries = pages;
    return new OutcomeExport(7, scope, rows);
  }

  @Test
  void rowsReachTheClientAsTheyAreReadAPageAtATime() throws IOException {
    Pages pages = new Pages(2_500);
    Watching out = new Watching(pages);

    export(pages, Set.of("Billing")).writeCsv(out);

    // the first page was written before the second was read: nothing waits for the whole change
    assertThat(out.pagesAtFirstByte).isLessThanOrEqualTo(1);
    assertThat(pages.read).isEqualTo(3);
    assertThat(pages.scopeAsked).containsExactly("Billing");
    String[] lines = out.toString(StandardCharsets.UTF_8).split("\r\n");
    assertThat(lines).hasSize(2_501);
    assertThat(lines[0]).isEqualTo(String.join(",", ChangeExport.HEADER));
    assertThat(lines[2500]).startsWith("7,12500,Agent 2499,Billing,5,unknown,PENDING,false,");
  }

  @Test
  void aValueASpreadsheetWouldRunIsWrittenAsText() throws IOException {
    Pages pages = new Pages(1);
    ByteArrayOutputStream out = new ByteArrayOutputStream();

    export(pages, null).writeCsv(out);

    String row = out.toString(StandardCharsets.UTF_8).split("\r\n")[1];
    assertThat(row)
        .isEqualTo(
            "7,10001,Agent 0,Billing,5,none,NO_SESSION,false,,'=cmd|' /C calc'!A0,0,,"
                + "1970-01-01T00:00:00Z,0,false");
  }
}
