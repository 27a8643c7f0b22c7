package io.statedesk.web.view.changes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class ChangeCsvTest {

  static final ChangeCsv.Labels LABELS =
      new ChangeCsv.Labels(
          "Outcome",
          "State to set",
          "State before",
          "Finished (Asia/Shanghai)",
          o -> o.toLowerCase(Locale.ROOT).replace('_', ' '),
          s -> s.equals("2") ? "2 · Break" : s);

  @Test
  void keepsTheRawColumnsAndAddsLabelsAndLocalTimeAfterABom() throws IOException {
    List<String> header =
        List.of("change", "agent", "name", "team", "target", "previous", "outcome", "finished_at");
    List<List<String>> rows =
        List.of(
            List.of(
                "7", "10001", "李伟", "Billing", "2", "none", "NO_SESSION", "2026-12-03T01:02:03Z"),
            List.of("7", "10002", "Ana", "Billing", "2", "unknown", "PENDING", ""));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ChangeCsv.write(
        header,
        (row, afterPage) -> {
          rows.forEach(row);
          afterPage.run();
        },
        ZoneId.of("Asia/Shanghai"),
        LABELS,
        out);
    String csv = out.toString(StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFFchange,agent,name,team,target,previous,outcome,finished_at,");
    String[] lines = csv.split("\r\n");
    assertThat(lines[0]).endsWith(",Outcome,State to set,State before,Finished (Asia/Shanghai)");
    assertThat(lines[1])
        .isEqualTo(
            "7,10001,李伟,Billing,2,none,NO_SESSION,2026-12-03T01:02:03Z,"
                + "no session,2 · Break,none,2026-12-03 09:02:03");
    assertThat(lines[2]).endsWith(",PENDING,,pending,2 · Break,unknown,");
  }
}
