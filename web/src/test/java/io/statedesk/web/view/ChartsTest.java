package io.statedesk.web.view;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChartsTest {

  private static JsonObject parse(String config) {
    try (var reader = Json.createReader(new StringReader(config))) {
      return reader.readObject();
    }
  }

  @Test
  void aBarChartIsDrawnAtOnceWithoutGrowingFromZero() {
    JsonObject config = parse(Charts.bar(List.of("Idle"), List.of(3L), List.of("#00ff00")));

    // the live refresh redraws the chart: an animation would restart on every refresh
    assertThat(config.getJsonObject("options").getBoolean("animation")).isFalse();
    assertThat(config.getJsonObject("data").getJsonArray("labels").getString(0)).isEqualTo("Idle");
    assertThat(
            config
                .getJsonObject("data")
                .getJsonArray("datasets")
                .getJsonObject(0)
                .getJsonArray("data")
                .getJsonNumber(0)
                .longValue())
        .isEqualTo(3L);
  }

  @Test
  void aLabelCannotEndTheInlineScriptItIsWrittenInto() {
    String config = Charts.bar(List.of("</script><b>&"), List.of(1L), List.of("#000000"));

    assertThat(config).doesNotContain("<", ">", "&");
    assertThat(parse(config).getJsonObject("data").getJsonArray("labels").getString(0))
        .isEqualTo("</script><b>&");
  }
}
