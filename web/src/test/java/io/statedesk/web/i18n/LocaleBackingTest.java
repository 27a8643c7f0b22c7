package io.statedesk.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class LocaleBackingTest {

  @Test
  void anyChineseBecomesSimplifiedChineseEnglishIsEnglishAndNothingElseIsSpoken() {
    assertThat(Languages.spoken(Locale.forLanguageTag("zh-TW")))
        .contains(Locale.SIMPLIFIED_CHINESE);
    assertThat(Languages.spoken(Locale.forLanguageTag("zh"))).contains(Locale.SIMPLIFIED_CHINESE);
    assertThat(Languages.spoken(Locale.forLanguageTag("en-GB"))).contains(Locale.ENGLISH);
    assertThat(Languages.spoken(Locale.GERMAN)).isEmpty();
    assertThat(Languages.spoken(null)).isEmpty();
  }

  @Test
  void theFirstSpokenOfTheReadersLanguagesWinsElseEnglish() {
    assertThat(Languages.firstSpoken(List.of(Locale.FRENCH, Locale.forLanguageTag("zh-CN"))))
        .isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(Languages.firstSpoken(List.of(Locale.ENGLISH, Locale.CHINESE)))
        .isEqualTo(Locale.ENGLISH);
    assertThat(Languages.firstSpoken(List.of(Locale.GERMAN))).isEqualTo(Locale.ENGLISH);
    assertThat(Languages.firstSpoken(null)).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void bothBundlesHaveTheSameKeys() throws Exception {
    var en = new Properties();
    var zh = new Properties();
    try (var a = getClass().getResourceAsStream("/io/statedesk/web/i18n/messages.properties");
        var b =
            getClass().getResourceAsStream("/io/statedesk/web/i18n/messages_zh_CN.properties")) {
      en.load(new InputStreamReader(a, StandardCharsets.UTF_8));
      zh.load(new InputStreamReader(b, StandardCharsets.UTF_8));
    }
    assertThat(zh.keySet()).isEqualTo(en.keySet());
  }

  /** The Set-state dialog said "1 agents are selected" (seen on the demo, 2026-12-05). */
  @Test
  void theSetStateDialogCountsItsAgentsInEnglish() throws Exception {
    var en = new Properties();
    try (var a = getClass().getResourceAsStream("/io/statedesk/web/i18n/messages.properties")) {
      en.load(new InputStreamReader(a, StandardCharsets.UTF_8));
    }
    var intro = new MessageFormat(en.getProperty("setState.intro"), Locale.ENGLISH);
    assertThat(intro.format(new Object[] {1})).startsWith("1 agent is selected.");
    assertThat(intro.format(new Object[] {1200})).startsWith("1,200 agents are selected.");
  }
}
