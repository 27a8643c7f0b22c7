package io.statedesk.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.catalog.CatalogTransfer.Parsed;
import io.statedesk.core.catalog.CatalogTransfer.Row;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogCsvTest {

  static final String HEADER = String.join(",", CatalogTransfer.COLUMNS) + "\n";

  @Test
  void emptyFieldsTakeTheirDefaultsAndTeamsSplitOnBars() {
    Parsed parsed =
        CatalogCsv.read(HEADER + "100,Training,Training EN,,  ,#1f6feb,,,,Sales| |Billing\n");
    assertThat(parsed.fileError()).isNull();
    Row row = parsed.rows().get(0);
    assertThat(row.line()).isEqualTo(2);
    assertThat(row.errors()).isEmpty();
    assertThat(row.data())
        .isEqualTo(
            new StateCodeData(
                100,
                "Training",
                null,
                "#1f6feb",
                null,
                0,
                true,
                Map.of("en", "Training EN"),
                Set.of("Sales", "Billing")));
  }

  @Test
  void booleansAreReadInTheUsualSpellings() {
    Parsed parsed =
        CatalogCsv.read(
            HEADER
                + "1,A,,,,#000000,,1,yes,\n"
                + "2,B,,,,#000000,,1,0,\n"
                + "3,C,,,,#000000,,1,FALSE,\n");
    assertThat(parsed.rows())
        .extracting(r -> r.data().active())
        .containsExactly(true, false, false);
  }

  @Test
  void aValueThatDoesNotParseIsQuotedShortInItsError() {
    Parsed parsed = CatalogCsv.read(HEADER + "1,A,,,,#000000,," + "9".repeat(40) + ",true,\n");
    assertThat(parsed.rows().get(0).errors().toString()).contains("9".repeat(30) + "…");
  }

  @Test
  void onlyCodeLabelAndColourColumnsAreRequired() {
    assertThat(CatalogCsv.read("code,label,colour\n5,Five,#000000\n").rows())
        .extracting(r -> r.data().label())
        .containsExactly("Five");
    assertThat(CatalogCsv.read("code,label\n5,Five\n").fileError().english())
        .contains("missing")
        .contains("colour");
  }

  @Test
  void writtenCsvStartsWithTheHeaderAndQuotesWhatCommonsCsvMust() {
    StateCodeData d =
        new StateCodeData(7, "Old", null, "#000000", null, 0, false, Map.of(), Set.of());
    assertThat(CatalogCsv.write(List.of(d)))
        .startsWith(HEADER.strip() + "\r\n")
        .endsWith("7,Old,,,,\"#000000\",,0,false,\r\n");
  }
}
