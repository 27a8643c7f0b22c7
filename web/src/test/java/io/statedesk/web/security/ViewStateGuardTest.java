package io.statedesk.web.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ViewStateGuardTest {

  @Test
  void theLoggedPathCannotForgeOrHideLines() {
    assertThat(ViewStateGuard.escaped("/agents.xhtml")).isEqualTo("/agents.xhtml");
    assertThat(ViewStateGuard.escaped("/a.xhtml\r\nINFO: Admin signed in\u2028\u001b[2J\\"))
        .isEqualTo("/a.xhtml\\u000d\\u000aINFO: Admin signed in\\u2028\\u001b[2J\\u005c")
        .doesNotContain("\n");
    assertThat(ViewStateGuard.escaped("/" + "x".repeat(500))).hasSizeLessThanOrEqualTo(206);
    assertThat(ViewStateGuard.escaped(null)).isEmpty();
  }
}
