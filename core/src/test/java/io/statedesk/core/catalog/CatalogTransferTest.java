package io.statedesk.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.catalog.CatalogTransfer.Format;
import io.statedesk.core.catalog.CatalogTransfer.Parsed;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class CatalogTransferTest {

  static final String HEADER = String.join(",", CatalogTransfer.COLUMNS) + "\n";

  static Parsed csv(String text) {
    return CatalogTransfer.parse(text.getBytes(StandardCharsets.UTF_8), Format.CSV);
  }

  @Test
  void csvAndJsonRoundTripEveryField() {
    StateCodeData a =
        new StateCodeData(
            100,
            "Training, \"basic\"",
            "Line one",
            "#1f6feb",
            "Training",
            10,
            true,
            Map.of("en", "Training", "zh-CN", "培训"),
            Set.of("Billing", "Sales"));
    StateCodeData b =
        new StateCodeData(7, "Old", null, "#000000", null, 0, false, Map.of(), Set.of());
    Parsed fromCsv = csv(CatalogTransfer.toCsv(List.of(a, b)));
    assertThat(fromCsv.fileError()).isNull();
    assertThat(fromCsv.rows()).extracting(CatalogTransfer.Row::data).containsExactly(a, b);
    Parsed fromJson =
        CatalogTransfer.parse(
            CatalogTransfer.toJson(List.of(a, b)).getBytes(StandardCharsets.UTF_8), Format.JSON);
    assertThat(fromJson.rows()).extracting(CatalogTransfer.Row::data).containsExactly(a, b);
  }

  @Test
  void aRowThatDoesNotParseHasTheRestOfItsFieldsCheckedToo() {
    Parsed parsed = csv(HEADER + "abc,,,,,red,,1,true,\n");
    CatalogImport.PreviewRow row = CatalogImport.unparsable(parsed.rows().get(0));
    assertThat(row.action()).isEqualTo(CatalogImport.Action.ERROR);
    assertThat(row.code()).isNull();
    assertThat(row.errors())
        .extracting(FieldError::field)
        .as("the code that did not parse, and the label and colour rules")
        .containsExactlyInAnyOrder("code", "label", "colour");
  }

  @Test
  void badRowsAreReportedByLine() {
    Parsed parsed =
        csv(
            HEADER
                + "100,Training,,,,#1f6feb,,1,true,\n"
                + "abc,Bad,,,,#000000,,1,true,\n"
                + "101,Coaching,,,,#000000,,x,maybe,\n"
                + "102,Short\n");
    assertThat(parsed.fileError()).isNull();
    assertThat(parsed.rows()).hasSize(4);
    assertThat(parsed.rows().get(0).errors()).isEmpty();
    assertThat(parsed.rows().get(1).line()).isEqualTo(3);
    assertThat(parsed.rows().get(1).errors().toString())
        .contains("code must be a whole number, was 'abc'");
    assertThat(parsed.rows().get(2).errors().toString())
        .contains("sort_order")
        .contains("active must be true or false");
    assertThat(parsed.rows().get(3).errors().toString()).contains("has 2 fields");
  }

  @Test
  void wholeFileProblemsGetOneClearMessage() {
    assertThat(CatalogTransfer.parse(new byte[0], Format.CSV).fileError().english())
        .isEqualTo("The file is empty.");
    assertThat(csv("   \n").fileError().english()).isEqualTo("The file is empty.");
    assertThat(csv("foo,bar\n1,2\n").fileError().english())
        .contains("The first line must be the header")
        .contains("missing: code");
    assertThat(csv(HEADER).fileError().english()).contains("header but no rows");
    byte[] latin1 =
        (HEADER + "1,Fr\u00e9quence,,,,#000000,,1,true,\n").getBytes(StandardCharsets.ISO_8859_1);
    assertThat(CatalogTransfer.parse(latin1, Format.CSV).fileError().english())
        .contains("not UTF-8");
    assertThat(
            CatalogTransfer.parse("{".getBytes(StandardCharsets.UTF_8), Format.JSON)
                .fileError()
                .english())
        .contains("not valid JSON");
    assertThat(
            CatalogTransfer.parse("{\"x\":1}".getBytes(StandardCharsets.UTF_8), Format.JSON)
                .fileError()
                .english())
        .contains("stateCodes");
  }

  @Test
  void aTenMegabyteFileOfGarbageIsRefusedBeforeParsing() {
    byte[] garbage = new byte[10 * 1024 * 1024];
    new Random(1).nextBytes(garbage);
    assertThat(CatalogTransfer.parse(garbage, Format.CSV).fileError().english())
        .contains("at most 2048 KiB");
    byte[] small = new byte[100_000];
    new Random(2).nextBytes(small);
    assertThat(CatalogTransfer.parse(small, Format.CSV).fileError().english()).isNotNull();
    assertThat(CatalogTransfer.parse(small, Format.JSON).fileError().english()).isNotNull();
  }

  @Test
  void formatsAreNamed() {
    assertThat(Format.of("CSV")).isEqualTo(Format.CSV);
    Assertions.assertThatThrownBy(() -> Format.of("xml"))
        .hasMessageContaining("format must be csv or json");
  }
}
