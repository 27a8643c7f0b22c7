package io.statedesk.core.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateCodeRulesTest {

  static StateCodeData data(int code, String label, String colour) {
    return new StateCodeData(code, label, null, colour, null, 0, true, Map.of(), Set.of());
  }

  static String errors(StateCodeData d) {
    return StateCodeRules.check(d).errors().toString();
  }

  @Test
  void aGoodCodeIsNormalised() {
    var checked =
        StateCodeRules.check(
            new StateCodeData(
                0,
                "  Training ",
                "  ",
                "#1F6FEB",
                " ",
                5,
                true,
                Map.of("zh-CN", " 培训 ", "en", ""),
                Set.of(" Billing ", "")));
    assertThat(checked.errors()).isEmpty();
    assertThat(checked.data().label()).isEqualTo("Training");
    assertThat(checked.data().description()).isNull();
    assertThat(checked.data().colour()).isEqualTo("#1f6feb");
    assertThat(checked.data().labels()).containsExactly(Map.entry("zh-CN", "培训"));
    assertThat(checked.data().teams()).containsExactly("Billing");
  }

  @Test
  void codeRangeAnd65535() {
    assertThat(errors(data(-1, "A", "#000000")))
        .contains("code must be between 0 and 65534, was -1");
    assertThat(errors(data(65535, "A", "#000000")))
        .contains("65535 is the gateway's \"no custom state\"");
    assertThat(errors(data(65534, "A", "#000000"))).isEqualTo("[]");
  }

  @Test
  void labelLengthAndCharacters() {
    assertThat(errors(data(1, null, "#000000"))).contains("label is required");
    assertThat(errors(data(1, "x".repeat(41), "#000000")))
        .contains("label must be 1 to 40 characters, was 41");
    assertThat(errors(data(1, "培".repeat(40), "#000000"))).isEqualTo("[]");
    assertThat(errors(data(1, "two\nlines", "#000000")))
        .contains("label must not contain line breaks");
    assertThat(errors(data(1, "<script>alert('x')</script>", "#000000")))
        .as("markup is allowed as text; pages escape it")
        .isEqualTo("[]");
  }

  @Test
  void colourFormat() {
    assertThat(errors(data(1, "A", "red"))).contains("colour must be #rrggbb");
    assertThat(errors(data(1, "A", "#12345"))).contains("colour must be #rrggbb");
    assertThat(errors(data(1, "A", null))).contains("colour is required");
  }

  @Test
  void localesAndTeams() {
    assertThat(
            errors(
                new StateCodeData(
                    1, "A", null, "#000000", null, 0, true, Map.of("fr", "Formation"), Set.of())))
        .contains("locale 'fr' is not supported");
    assertThat(
            errors(
                new StateCodeData(
                    1,
                    "A",
                    null,
                    "#000000",
                    null,
                    0,
                    true,
                    Map.of("zh-CN", "x".repeat(41)),
                    Set.of())))
        .contains("labels.zh-CN must be 1 to 40 characters");
    assertThat(
            errors(
                new StateCodeData(
                    1, "A", null, "#000000", null, 0, true, Map.of(), Set.of("bad<team>"))))
        .contains("team 'bad<team>'");
  }

  @Test
  void descriptionAndSortOrder() {
    assertThat(
            errors(
                new StateCodeData(
                    1, "A", "d".repeat(501), "#000000", null, 0, true, Map.of(), Set.of())))
        .contains("description must be at most 500 characters, was 501");
    assertThat(
            errors(
                new StateCodeData(
                    1, "A", null, "#000000", null, 200_000, true, Map.of(), Set.of())))
        .contains("sortOrder must be between");
  }
}
