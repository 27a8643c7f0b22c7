package io.statedesk.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
}
