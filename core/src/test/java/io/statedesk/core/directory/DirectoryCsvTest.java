package io.statedesk.core.directory;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DirectoryCsvTest {

  static DirectoryCsv.Parsed parse(String text) {
    return DirectoryCsv.parse(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void readsRowsWithSkillsAndPhones() {
    DirectoryCsv.Parsed parsed =
        parse(
            "agent_id,name,team,skills,phone\n20001,\"Li, Wei\",Billing,Voice EN|Chat,7001\n20002,Ana,Sales,,\n");
    assertThat(parsed.problems()).isEmpty();
    assertThat(parsed.entries()).hasSize(2);
    assertThat(parsed.entries().get(0).name()).isEqualTo("Li, Wei");
    assertThat(parsed.entries().get(0).skills()).containsExactly("Voice EN", "Chat");
    assertThat(parsed.entries().get(1).phone()).isNull();
  }

  @Test
  void badRowsAreReportedByLine() {
    DirectoryCsv.Parsed parsed =
        parse(
            "agent_id,name,team,skills,phone\n20001,A,Billing,,\nabc,B,Billing,,\n99,C,Billing,,\n20001,D,Billing,,\n20004,,Billing,,\n20005,E\n");
    assertThat(parsed.problems())
        .extracting(DirectoryCsv.Problem::line)
        .containsExactly(3, 4, 5, 6, 7);
    assertThat(parsed.problems().toString())
        .contains("agent_id must be a number")
        .contains("101..999999, was 99")
        .contains("appears again (first on line 2)")
        .contains("name must be")
        .contains("has 2 fields");
  }

  @Test
  void everyProblemOfALineIsListed() {
    DirectoryCsv.Parsed parsed =
        parse("agent_id,name,team,skills,phone\nabc,,Billing,,\n99,Ann,,,\n");
    assertThat(parsed.problems())
        .extracting(DirectoryCsv.Problem::line)
        .containsExactly(2, 2, 3, 3);
    assertThat(parsed.problems().toString())
        .contains("agent_id must be a number")
        .contains("name must be")
        .contains("was 99")
        .contains("team must be");
    assertThat(parsed.entries()).isEmpty();
  }

  @Test
  void wholeFileProblems() {
    assertThat(DirectoryCsv.parse(new byte[0]).problems().get(0).message())
        .isEqualTo("The file is empty.");
    assertThat(parse("id,who\n1,2\n").problems().get(0).message()).contains("header");
    assertThat(
            DirectoryCsv.parse(new byte[] {(byte) 0xff, (byte) 0xfe, 0x41})
                .problems()
                .get(0)
                .message())
        .contains("UTF-8");
    assertThat(parse("agent_id,name,team\n").problems().get(0).message()).contains("no rows");
  }
}
