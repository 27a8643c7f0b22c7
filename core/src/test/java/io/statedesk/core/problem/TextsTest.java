package io.statedesk.core.problem;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.bulk.ChangeStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Core's texts are complete in both languages: the bundles have the same keys with the same
 * arguments, every key core names exists, and a refusal reads in the reader's language.
 */
class TextsTest {

  private static final Pattern KEY_USE = Pattern.compile("Text\\.of\\(\\s*\"([^\"]+)\"");
  private static final Pattern ARGUMENT = Pattern.compile("\\{(\\d+)");

  static Properties bundle(String suffix) throws IOException {
    Properties p = new Properties();
    String name = "/io/statedesk/core/problem/texts" + suffix + ".properties";
    try (InputStream in = TextsTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  static Set<String> arguments(String pattern) {
    Set<String> found = new TreeSet<>();
    Matcher m = ARGUMENT.matcher(pattern.replaceAll("'[^']*'", "")); // quoted braces are text
    while (m.find()) {
      found.add(m.group(1));
    }
    return found;
  }

  @Test
  void bothLanguagesHaveTheSameKeysWithTheSameArguments() throws IOException {
    Properties en = bundle("");
    Properties zh = bundle("_zh_CN");
    assertThat(zh.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
    for (String key : en.stringPropertyNames()) {
      String english = en.getProperty(key);
      String chinese = zh.getProperty(key);
      assertThat(arguments(chinese)).as(key).isEqualTo(arguments(english));
      assertThat(chinese).as(key + " is translated").isNotBlank();
      new MessageFormat(english, Locale.ENGLISH); // throws on a broken pattern
      new MessageFormat(chinese, Locale.SIMPLIFIED_CHINESE);
    }
  }

  @Test
  void everyKeyCoreNamesIsInTheBundle() throws IOException {
    Properties en = bundle("");
    Set<String> used = new TreeSet<>();
    try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
        Matcher m = KEY_USE.matcher(Files.readString(file));
        while (m.find()) {
          used.add(m.group(1));
        }
      }
    }
    assertThat(used).hasSizeGreaterThan(100);
    used.remove("bulk.status."); // a prefix: the status is added by concatenation, checked below
    assertThat(en.stringPropertyNames()).containsAll(used);
    for (ChangeStatus status : ChangeStatus.values()) { // named by concatenation
      assertThat(en.stringPropertyNames()).contains("bulk.status." + status.name());
    }
  }

  @Test
  void aRefusalReadsInTheReadersLanguageWithIdsAsTheyAre() {
    Text undone = Text.of("bulk.undo.done", 10101L, 20202L);
    assertThat(undone.english())
        .isEqualTo("Change 10101 was undone already by change 20202: nothing to undo");
    assertThat(undone.in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("变更 10101 已被变更 20202 撤销：无可撤销");
    // no such language: English, never the JVM's default language
    Locale before = Locale.getDefault();
    try {
      Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
      assertThat(undone.in(Locale.FRENCH)).isEqualTo(undone.english());
    } finally {
      Locale.setDefault(before);
    }
  }

  @Test
  void nestedTextsAndListsOfRulesAreSaidInTheSameLanguage() {
    Text cancel = Text.of("bulk.cancel.finished", 7, Text.of("bulk.status.COMPLETED"));
    assertThat(cancel.english()).isEqualTo("Change 7 is completed: nothing to cancel");
    assertThat(cancel.in(Locale.SIMPLIFIED_CHINESE)).isEqualTo("变更 7 已完成：无可取消");
    Text rules =
        Text.of(
            "problem.rules",
            List.of(
                Text.of("problem.fieldRule", "label", Text.of("catalog.rule.label.required")),
                Text.of("problem.fieldRule", "colour", Text.of("catalog.rule.colour.required"))));
    assertThat(rules.english())
        .isEqualTo(
            "label is required (1 to 40 characters); colour is required, as #rrggbb (e.g. #1f6feb)");
    assertThat(rules.in(Locale.SIMPLIFIED_CHINESE)).startsWith("label：为必填项");
  }

  @Test
  void quotesAndBracesInPatternsComeOutAsWritten() {
    assertThat(Text.of("user.username.taken", "bob").english())
        .isEqualTo("username 'bob' is already taken".substring("username ".length()));
    assertThat(Text.of("catalog.file.jsonShape").english())
        .isEqualTo("The JSON must be {\"stateCodes\": [...]} or an array of state codes.");
    assertThat(Text.of("no.such.key").english()).isEqualTo("???no.such.key???");
  }
}
