package io.statedesk.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ConsoleAuthenticationTest {

  static String basic(String text) {
    return "Basic " + Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void decodesBasicCredentialsWithColonsInThePassword() {
    var credential = ConsoleAuthentication.basic(basic("alice:pa:ss"));
    assertThat(credential.getCaller()).isEqualTo("alice");
    assertThat(credential.getPasswordAsString()).isEqualTo("pa:ss");
    assertThat(
            ConsoleAuthentication.basic(
                    "basic " + Base64.getEncoder().encodeToString("bob:x".getBytes()))
                .getCaller())
        .isEqualTo("bob");
  }

  @Test
  void malformedOrOtherSchemesAreNoCredential() {
    assertThat(ConsoleAuthentication.basic(null)).isNull();
    assertThat(ConsoleAuthentication.basic("Bearer abc")).isNull();
    assertThat(ConsoleAuthentication.basic("Basic %%%not-base64")).isNull();
    assertThat(ConsoleAuthentication.basic(basic("no-colon"))).isNull();
    assertThat(ConsoleAuthentication.basic(basic(":empty-user"))).isNull();
  }
}
