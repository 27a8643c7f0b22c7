package io.statedesk.web.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class LocaleBackingTest {

  @Test
  void anyChineseBecomesSimplifiedChineseEverythingElseEnglish() {
    assertThat(LocaleBacking.bestMatch(Locale.forLanguageTag("zh-TW")))
        .isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(LocaleBacking.bestMatch(Locale.forLanguageTag("zh")))
        .isEqualTo(Locale.SIMPLIFIED_CHINESE);
    assertThat(LocaleBacking.bestMatch(Locale.GERMAN)).isEqualTo(Locale.ENGLISH);
    assertThat(LocaleBacking.bestMatch(null)).isEqualTo(Locale.ENGLISH);
  }

  @Test
  void bothBundlesHaveTheSameKeys() throws Exception {
    var en = new java.util.Properties();
    var zh = new java.util.Properties();
    try (var a = getClass().getResourceAsStream("/io/statedesk/web/i18n/messages.properties");
        var b =
            getClass().getResourceAsStream("/io/statedesk/web/i18n/messages_zh_CN.properties")) {
      en.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
      zh.load(new java.io.InputStreamReader(b, java.nio.charset.StandardCharsets.UTF_8));
    }
    assertThat(zh.keySet()).isEqualTo(en.keySet());
  }
}
