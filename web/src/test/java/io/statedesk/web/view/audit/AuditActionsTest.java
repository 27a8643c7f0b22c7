package io.statedesk.web.view.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.statedesk.core.audit.AuditAction;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every action core audits has a label in both languages: the audit page shows people "Signed in",
 * never "login.succeeded" (the key stays the API's and the export's).
 */
class AuditActionsTest {

  static Properties bundle(String name) throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        AuditActionsTest.class.getResourceAsStream("/io/statedesk/web/i18n/" + name)) {
      p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    return p;
  }

  @Test
  void everyAuditedActionHasALabelInEveryLanguage() throws IOException {
    for (String name : new String[] {"messages.properties", "messages_zh_CN.properties"}) {
      Properties messages = bundle(name);
      assertThat(
              Arrays.stream(AuditAction.values())
                  .map(a -> "audit.event." + a.key())
                  .filter(k -> messages.getProperty(k, "").isBlank()))
          .as("actions without a label in " + name)
          .isEmpty();
      // and no label for an action that no longer exists
      assertThat(
              messages.stringPropertyNames().stream()
                  .filter(k -> k.startsWith("audit.event."))
                  .map(k -> k.substring("audit.event.".length()))
                  .filter(
                      k -> Arrays.stream(AuditAction.values()).noneMatch(a -> a.key().equals(k))))
          .as("labels of unknown actions in " + name)
          .isEmpty();
    }
  }
}
