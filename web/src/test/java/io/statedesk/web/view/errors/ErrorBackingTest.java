package io.statedesk.web.view.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ErrorBackingTest {

  @Test
  void crLfCannotForgeLogLines() {
    assertThat(ErrorBacking.sanitize("/x\r\nINFO: forged")).isEqualTo("/x__INFO: forged");
    assertThat(ErrorBacking.sanitize(null)).isEmpty();
  }
}
